package dev.vigil.detector.decision;

/**
 * When alerts open and close.
 *
 * @param k anomalous readings among the last {@code n} that open an alert
 * @param n window of the k-of-n rule (at most 64)
 * @param closeAfter consecutive readings at or below the exit threshold that close an open alert
 * @param cooldownMs event time after a close before the same entity can open again
 * @param topK contributing features listed per alert
 */
public record AlertRules(int k, int n, int closeAfter, long cooldownMs, int topK) {
    public AlertRules {
        if (k < 1 || k > n || n > 64 || closeAfter < 1 || cooldownMs < 0 || topK < 0) {
            throw new IllegalArgumentException("alert rules need 1 <= k <= n <= 64, closeAfter >= 1, cooldown >= 0");
        }
    }
}
