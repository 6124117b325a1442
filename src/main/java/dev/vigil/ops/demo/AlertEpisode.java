package dev.vigil.ops.demo;

import java.util.List;

/**
 * One alert as the demo sees it: its entity, when its episode started (event time of the first
 * anomalous reading), when the alert opened and closed (event time; {@code closedMillis} is null
 * while open), and its top contributing sensors, largest first.
 */
public record AlertEpisode(
        String alertId,
        String entity,
        long startMillis,
        long openedMillis,
        Long closedMillis,
        List<String> topSensors) {
    public AlertEpisode {
        topSensors = List.copyOf(topSensors);
    }

    /** Whether the alert overlaps [{@code fromMillis}, {@code toMillis}); an open alert lasts until {@code nowMillis}. */
    boolean overlaps(long fromMillis, long toMillis, long nowMillis) {
        long end = closedMillis == null ? nowMillis : closedMillis;
        return startMillis < toMillis && end >= fromMillis;
    }

    AlertEpisode closedAt(long millis) {
        return new AlertEpisode(alertId, entity, startMillis, openedMillis, millis, topSensors);
    }

    AlertEpisode withTopSensors(List<String> sensors) {
        return new AlertEpisode(alertId, entity, startMillis, openedMillis, closedMillis, sensors);
    }
}
