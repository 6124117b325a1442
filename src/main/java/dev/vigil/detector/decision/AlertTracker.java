package dev.vigil.detector.decision;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import java.time.Instant;
import java.util.Optional;

/**
 * The alert lifecycle of one entity: OPENED after k anomalous of the last n readings (outside the
 * cooldown); while open, readings above the exit threshold keep it open and a higher peak emits
 * UPDATED; CLOSED after m consecutive readings at or below the exit threshold. Alert ids are
 * {@code entity@startMillis}, so a replay produces the same id.
 */
public final class AlertTracker {
    private final AlertRules rules;

    public AlertTracker(AlertRules rules) {
        this.rules = rules;
    }

    /** A fresh state sized for these rules. */
    public AlertState newState() {
        return new AlertState(rules.n());
    }

    /** Advances {@code state} by one reading; returns the lifecycle event it caused, if any. */
    public Optional<AnomalyAlert> step(AlertState state, Observation reading) {
        return state.open ? whileOpen(state, reading) : whileClosed(state, reading);
    }

    private Optional<AnomalyAlert> whileClosed(AlertState state, Observation reading) {
        state.remember(reading.anomalous(), reading.time());
        if (state.recentCount() < rules.k() || reading.time() < state.cooldownUntil) {
            return Optional.empty();
        }
        state.open = true;
        state.start = state.firstRecentAnomalyTime();
        state.anomalousReadings = state.recentCount();
        state.normalStreak = 0;
        state.forgetRecent();
        recordPeak(state, reading);
        return Optional.of(event(state, reading, AlertEvent.OPENED));
    }

    private Optional<AnomalyAlert> whileOpen(AlertState state, Observation reading) {
        if (reading.score() <= reading.limits().exit()) {
            return ++state.normalStreak >= rules.closeAfter() ? Optional.of(close(state, reading)) : Optional.empty();
        }
        state.normalStreak = 0;
        state.anomalousReadings += reading.anomalous() ? 1 : 0;
        if (reading.score() <= state.peak) {
            return Optional.empty();
        }
        recordPeak(state, reading);
        return Optional.of(event(state, reading, AlertEvent.UPDATED));
    }

    private AnomalyAlert close(AlertState state, Observation reading) {
        state.open = false;
        state.cooldownUntil = reading.time() + rules.cooldownMs();
        AnomalyAlert closed = event(state, reading, AlertEvent.CLOSED);
        closed.setEndTime(Instant.ofEpochMilli(reading.time()));
        return closed;
    }

    private void recordPeak(AlertState state, Observation reading) {
        state.peak = reading.score();
        state.threshold = reading.limits().entry();
        state.contributors =
                rules.topK() == 0 ? java.util.List.of() : reading.contributors().get();
        state.modelGroup = reading.modelGroup();
        state.modelVersion = reading.modelVersion();
    }

    /** Built with the all-fields constructor: Avro's builder validates and copies every field again. */
    private static AnomalyAlert event(AlertState state, Observation reading, AlertEvent type) {
        return new AnomalyAlert(
                alertId(reading.entity(), state.start),
                reading.entity(),
                type,
                Instant.ofEpochMilli(state.start),
                null,
                Instant.ofEpochMilli(reading.time()),
                state.peak,
                state.threshold,
                state.anomalousReadings,
                state.contributors,
                state.modelGroup,
                state.modelVersion);
    }

    /** {@code entity@startMillis}: the same episode gets the same id after a replay. */
    static String alertId(String entity, long start) {
        return entity.concat("@").concat(Long.toString(start));
    }
}
