package dev.vigil.ops.demo;

import dev.vigil.ops.simulator.AnomalyKind;
import dev.vigil.ops.simulator.InjectedAnomaly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores alerts against ground truth. An injected episode is caught when an alert of the same entity
 * overlaps it, allowing {@code grace} after the episode's end (a windowed detector needs a few
 * readings to notice, and an alert's first anomalous reading may follow the episode's first one). An
 * alert overlapping no episode, with the same grace, is false. An episode whose end plus grace lies
 * after "now" has not had its full chance yet and counts as pending. Pure: no clock, no Kafka.
 */
public final class DetectionScorer {
    private final Duration grace;

    /** A scorer allowing {@code grace} of simulated time after each episode's end. */
    public DetectionScorer(Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, was " + grace);
        }
        this.grace = grace;
    }

    /** Scores {@code alerts} against {@code truth} as of simulated time {@code nowMillis}. */
    public DetectionReport score(List<InjectedAnomaly> truth, List<AlertEpisode> alerts, long nowMillis) {
        Map<AnomalyKind, Integer> injectedByKind = new EnumMap<>(AnomalyKind.class);
        Map<AnomalyKind, Integer> caughtByKind = new EnumMap<>(AnomalyKind.class);
        List<Long> delays = new ArrayList<>();
        int pending = 0;
        for (InjectedAnomaly episode : truth) {
            if (graceEnd(episode) > nowMillis) {
                pending++;
                continue;
            }
            injectedByKind.merge(episode.kind(), 1, Integer::sum);
            firstAlertOn(episode, alerts, nowMillis).ifPresent(alert -> {
                caughtByKind.merge(episode.kind(), 1, Integer::sum);
                delays.add(Math.max(0, alert.openedMillis() - episode.startMillis()));
            });
        }
        int falseAlerts = (int)
                alerts.stream().filter(a -> !matchesAny(a, truth, nowMillis)).count();
        int injected = sum(injectedByKind);
        int caught = sum(caughtByKind);
        return new DetectionReport(
                injected,
                caught,
                injected - caught,
                pending,
                alerts.size(),
                falseAlerts,
                caughtByKind,
                injectedByKind,
                median(delays));
    }

    private Optional<AlertEpisode> firstAlertOn(InjectedAnomaly episode, List<AlertEpisode> alerts, long nowMillis) {
        return alerts.stream()
                .filter(a -> a.entity().equals(episode.entity()))
                .filter(a -> a.overlaps(episode.startMillis(), graceEnd(episode), nowMillis))
                .min(java.util.Comparator.comparingLong(AlertEpisode::openedMillis));
    }

    /** Whether {@code alert} overlaps no injected episode of its entity (with the grace) as of {@code nowMillis}. */
    public boolean isFalse(AlertEpisode alert, List<InjectedAnomaly> truth, long nowMillis) {
        return !matchesAny(alert, truth, nowMillis);
    }

    private boolean matchesAny(AlertEpisode alert, List<InjectedAnomaly> truth, long nowMillis) {
        return truth.stream()
                .filter(e -> e.entity().equals(alert.entity()))
                .anyMatch(e -> alert.overlaps(e.startMillis(), graceEnd(e), nowMillis));
    }

    private long graceEnd(InjectedAnomaly episode) {
        return episode.endMillis() + grace.toMillis();
    }

    private static int sum(Map<AnomalyKind, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Duration median(List<Long> millis) {
        if (millis.isEmpty()) {
            return null;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        return Duration.ofMillis(sorted.get(sorted.size() / 2));
    }
}
