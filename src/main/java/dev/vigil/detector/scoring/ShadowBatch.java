package dev.vigil.detector.scoring;

import dev.vigil.detector.models.ModelInfo;
import java.util.List;

/**
 * One batch of live readings as the shadow candidate scored them, beside the live model's results.
 * A reading counts as anomalous for a model when its score, smoothed per entity as the model's
 * bundle asks ({@link ShadowSmoothing}), is above that model's global anomaly threshold (its
 * bundle's): the same rule for both, so the two rates compare like for like.
 *
 * @param shadow the shadow candidate
 * @param live the live results, in order
 * @param shadowScores the shadow's raw score of each, in the same order (empty on failure)
 * @param smoothed {smoothed live scores, smoothed shadow scores}, in the same order (empty on failure)
 * @param failure why the shadow could not score the batch, or null
 */
public record ShadowBatch(
        ModelInfo shadow, List<Scored> live, double[] shadowScores, double[][] smoothed, Exception failure) {
    /** Readings in the batch. */
    public int readings() {
        return live.size();
    }

    /** Whether the shadow scored reading {@code i} above its threshold. */
    public boolean shadowAnomalous(int i) {
        return smoothed[1][i] > shadow.anomalyThreshold();
    }

    /** Whether the live model scored reading {@code i} above its threshold. */
    public boolean liveAnomalous(int i) {
        return smoothed[0][i] > live.get(i).model().anomalyThreshold();
    }

    /** Readings above the shadow's threshold. */
    public int shadowAnomalies() {
        int n = 0;
        for (int i = 0; i < readings(); i++) {
            n += shadowAnomalous(i) ? 1 : 0;
        }
        return n;
    }

    /** Readings above the live model's threshold. */
    public int liveAnomalies() {
        int n = 0;
        for (int i = 0; i < readings(); i++) {
            n += liveAnomalous(i) ? 1 : 0;
        }
        return n;
    }

    /** The live model's version (the first reading's: a batch is scored by one lease). */
    public long liveVersion() {
        return live.get(0).model().version();
    }
}
