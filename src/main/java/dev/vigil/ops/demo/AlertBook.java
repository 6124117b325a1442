package dev.vigil.ops.demo;

import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.FeatureContribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the OPENED / UPDATED / CLOSED events of {@code vigil.alerts} into one {@link AlertEpisode}
 * per alert id. Events of an alert whose OPENED was not seen (the demo joined late) open it then.
 * Thread-safe.
 */
public final class AlertBook {
    private final Map<String, AlertEpisode> episodes = new LinkedHashMap<>();

    /** Applies one alert event and returns the alert's state after it. */
    public synchronized AlertEpisode apply(AnomalyAlert event) {
        AlertEpisode current = episodes.get(event.getAlertId());
        AlertEpisode next =
                switch (event.getEvent()) {
                    case OPENED -> opened(event);
                    case UPDATED -> (current == null ? opened(event) : current).withTopSensors(topSensors(event));
                    case CLOSED -> (current == null ? opened(event) : current).closedAt(closedAt(event));
                };
        episodes.put(event.getAlertId(), next);
        return next;
    }

    /** Every alert seen so far, in the order they opened. */
    public synchronized List<AlertEpisode> episodes() {
        return new ArrayList<>(episodes.values());
    }

    private static AlertEpisode opened(AnomalyAlert event) {
        return new AlertEpisode(
                event.getAlertId(),
                event.getEntity(),
                event.getStartTime().toEpochMilli(),
                event.getEventTime().toEpochMilli(),
                null,
                topSensors(event));
    }

    private static long closedAt(AnomalyAlert event) {
        return event.getEndTime() != null
                ? event.getEndTime().toEpochMilli()
                : event.getEventTime().toEpochMilli();
    }

    private static List<String> topSensors(AnomalyAlert event) {
        return event.getContributors().stream()
                .map(FeatureContribution::getFeature)
                .toList();
    }
}
