package dev.vigil.trainer.service;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The live anomaly rate of the last few model versions, from the verdicts of the scored records the
 * service reads anyway: for each version, its last {@code window} verdicts and the rate of its first
 * {@code window}. Judges the model in use, on its first {@code window} readings, against the last
 * {@code window} of the version that scored before it ({@link RollbackRule}), once per version.
 * Pure: no Kafka.
 */
final class RollbackWatch {
    /** Versions kept: the one in use, the one before it, and a little slack for stragglers. */
    private static final int VERSIONS_KEPT = 4;

    private final RollbackRule rule;
    private final TreeMap<Long, RateWindow> versions = new TreeMap<>();
    private long judged = -1;

    RollbackWatch(RollbackRule rule) {
        this.rule = rule;
    }

    /** A verdict of {@code version} on a live reading (warming-up readings are not offered). */
    void observe(long version, boolean anomalous) {
        if (!rule.enabled()) {
            return;
        }
        versions.computeIfAbsent(version, v -> new RateWindow(rule.window())).add(anomalous);
        while (versions.size() > VERSIONS_KEPT) {
            versions.pollFirstEntry();
        }
    }

    /** The highest version seen scoring, or -1. */
    long newestSeen() {
        return versions.isEmpty() ? -1 : versions.lastKey();
    }

    /**
     * The decision on {@code version}, the model in use, once its first {@code rollback.window}
     * readings are in; given once per version (empty before, and after it was given).
     */
    Optional<RollbackRule.Decision> judge(long version) {
        RateWindow current = versions.get(version);
        if (!rule.enabled() || version == judged || current == null) {
            return Optional.empty();
        }
        Map.Entry<Long, RateWindow> previous = versions.lowerEntry(version);
        int previousReadings = previous == null ? 0 : previous.getValue().size();
        double previousRate =
                previous == null ? Double.NaN : previous.getValue().rate();
        Optional<RollbackRule.Decision> decision =
                rule.judge(current.seen(), current.firstRate(), previousReadings, previousRate);
        decision.ifPresent(d -> judged = version);
        return decision;
    }

    /** The version that scored before {@code version}, if any was seen. */
    Optional<Long> previous(long version) {
        return Optional.ofNullable(versions.lowerKey(version));
    }

    /** Marks {@code version} judged without judging it (a rollback bundle is never rolled back). */
    void skip(long version) {
        judged = version;
    }
}
