package dev.vigil.detector.decision;

/**
 * Everything the decision stage remembers about one entity.
 *
 * @param thresholds what its thresholds learned (adaptive quantile, EVT tail) and under which model
 * @param alert its alert lifecycle
 * @param smoothed its smoothed score (see {@link dev.vigil.contract.ScoreSmoothing})
 * @param history its recent scores that feedback may need, and its clock
 */
public record EntityState(ThresholdState thresholds, AlertState alert, SmoothedScore smoothed, ScoreHistory history) {
    /** Readings a fresh state's score history keeps unless configured otherwise. */
    public static final int HISTORY = 128;

    /** A state whose thresholds learned {@code scores} and whose smoothed score and history start afresh. */
    public EntityState(P2Quantile scores, AlertState alert) {
        this(new ThresholdState(scores), alert, new SmoothedScore(), new ScoreHistory(HISTORY));
    }

    /** The adaptive mode's streaming quantile of its scores. */
    public P2Quantile scores() {
        return thresholds.quantile();
    }
}
