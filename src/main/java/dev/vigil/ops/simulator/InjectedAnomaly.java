package dev.vigil.ops.simulator;

/**
 * Ground truth of one injected anomaly episode: which entity, what kind, on which sensor, and when
 * (simulated event time, epoch milliseconds; {@code end} exclusive).
 */
public record InjectedAnomaly(String entity, AnomalyKind kind, String sensor, long startMillis, long endMillis) {
    /** Whether simulated time {@code millis} lies inside this episode. */
    public boolean covers(long millis) {
        return millis >= startMillis && millis < endMillis;
    }
}
