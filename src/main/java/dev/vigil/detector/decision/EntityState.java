package dev.vigil.detector.decision;

/**
 * Everything the decision stage remembers about one entity.
 *
 * @param scores streaming quantile of its (smoothed) scores (adaptive thresholds)
 * @param alert its alert lifecycle
 * @param smoothed its smoothed score (see {@link dev.vigil.contract.ScoreSmoothing})
 */
public record EntityState(P2Quantile scores, AlertState alert, SmoothedScore smoothed) {
    /** A state whose smoothed score starts afresh. */
    public EntityState(P2Quantile scores, AlertState alert) {
        this(scores, alert, new SmoothedScore());
    }
}
