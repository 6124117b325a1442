package dev.vigil.trainer;

import static dev.vigil.trainer.ConfigChecks.require;

/**
 * How scores are formed and the threshold calibrated, all label-free on held-out normal data.
 * Invalid values fail on construction naming the key.
 *
 * @param scaler how the per-feature scaler is fitted (AUTO: none for data in [0, 1], else z-score)
 * @param validationSplit share of each entity's latest windows held out for early stopping and
 *     calibration, in (0, 0.9)
 * @param thresholdQuantile quantile of validation scores used as the anomaly threshold, in (0.5, 1)
 * @param errorNormalisation whether each feature's squared error is divided by its mean on the
 *     validation windows before it enters the score (see {@code ErrorNormalisation})
 * @param scoreSmoothing span k, in [1, 1000], of the exponentially weighted moving average the
 *     detector applies to each entity's scores before comparing them with the threshold; the
 *     threshold is calibrated on validation scores smoothed the same way. 1 = no smoothing
 * @param tailDepth depth d, in [1, 1000], of the drift tail shipped in the bundle beside the plain
 *     one: the detector's drift variant of EVT thresholds (DSPOT) takes each score's excess over the
 *     mean of the d scores before it. See {@link dev.vigil.contract.ScoreTail}
 */
public record ScoringParams(
        ScalerChoice scaler,
        double validationSplit,
        double thresholdQuantile,
        boolean errorNormalisation,
        int scoreSmoothing,
        int tailDepth) {
    /** Default quantile of validation scores used as the anomaly threshold: a 0.5% false-alarm rate. */
    public static final double DEFAULT_THRESHOLD_QUANTILE = 0.995;

    /** Validates every value. */
    public ScoringParams {
        require(scaler != null, "scaler", "must be set");
        require(
                validationSplit > 0 && validationSplit < 0.9,
                "validationSplit",
                "must be in (0, 0.9), got " + validationSplit);
        require(
                thresholdQuantile > 0.5 && thresholdQuantile < 1,
                "thresholdQuantile",
                "must be in (0.5, 1), got " + thresholdQuantile);
        require(
                scoreSmoothing >= 1 && scoreSmoothing <= 1000,
                "scoreSmoothing",
                "must be in [1, 1000], got " + scoreSmoothing);
        require(tailDepth >= 1 && tailDepth <= 1000, "tailDepth", "must be in [1, 1000], got " + tailDepth);
    }

    /**
     * Automatic scaling, a 20% validation tail, threshold at the {@value #DEFAULT_THRESHOLD_QUANTILE}
     * quantile, per-feature error normalisation, smoothing span 3 and a drift tail 20 deep.
     */
    public static ScoringParams defaults() {
        return new ScoringParams(ScalerChoice.AUTO, 0.2, DEFAULT_THRESHOLD_QUANTILE, true, 3, 20);
    }

    /** A copy fitting this scaler. */
    public ScoringParams withScaler(ScalerChoice scaler) {
        return new ScoringParams(
                scaler, validationSplit, thresholdQuantile, errorNormalisation, scoreSmoothing, tailDepth);
    }

    /** A copy holding out this share of each entity's windows. */
    public ScoringParams withValidationSplit(double validationSplit) {
        return new ScoringParams(
                scaler, validationSplit, thresholdQuantile, errorNormalisation, scoreSmoothing, tailDepth);
    }

    /** A copy with the threshold at this quantile of validation scores. */
    public ScoringParams withThresholdQuantile(double thresholdQuantile) {
        return new ScoringParams(
                scaler, validationSplit, thresholdQuantile, errorNormalisation, scoreSmoothing, tailDepth);
    }

    /**
     * A copy with the threshold for a target false-alarm rate on validation data, in (0, 0.5):
     * quantile 1 - rate. Fails naming {@code targetFalseAlarmRate}.
     */
    public ScoringParams withTargetFalseAlarmRate(double rate) {
        require(rate > 0 && rate < 0.5, "targetFalseAlarmRate", "must be in (0, 0.5), got " + rate);
        return withThresholdQuantile(1 - rate);
    }

    /** A copy with per-feature error normalisation on or off. */
    public ScoringParams withErrorNormalisation(boolean errorNormalisation) {
        return new ScoringParams(
                scaler, validationSplit, thresholdQuantile, errorNormalisation, scoreSmoothing, tailDepth);
    }

    /** A copy with this score-smoothing span. */
    public ScoringParams withScoreSmoothing(int scoreSmoothing) {
        return new ScoringParams(
                scaler, validationSplit, thresholdQuantile, errorNormalisation, scoreSmoothing, tailDepth);
    }

    /** A copy shipping a drift tail of this depth. */
    public ScoringParams withTailDepth(int tailDepth) {
        return new ScoringParams(
                scaler, validationSplit, thresholdQuantile, errorNormalisation, scoreSmoothing, tailDepth);
    }
}
