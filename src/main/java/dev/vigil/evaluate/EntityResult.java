package dev.vigil.evaluate;

import java.util.List;

/**
 * What the detector said about every test row of one entity, beside the labels.
 *
 * @param entity the entity
 * @param timestamps event time of each row, epoch milliseconds
 * @param scores the detector's score of each row (NaN where it did not score the row)
 * @param thresholds the threshold each score was compared with
 * @param labels whether each row is labelled anomalous
 * @param flags whether the detector's verdict on each row was ANOMALOUS
 * @param alertFlags whether each row fell inside an open alert
 * @param retrains the retraining attempts of an online evaluation, in order (empty when frozen)
 */
public record EntityResult(
        String entity,
        long[] timestamps,
        double[] scores,
        double[] thresholds,
        boolean[] labels,
        boolean[] flags,
        boolean[] alertFlags,
        List<Retrain> retrains) {

    /** A result of a frozen model (no retraining). */
    public EntityResult(
            String entity,
            long[] timestamps,
            double[] scores,
            double[] thresholds,
            boolean[] labels,
            boolean[] flags,
            boolean[] alertFlags) {
        this(entity, timestamps, scores, thresholds, labels, flags, alertFlags, List.of());
    }

    /** Rejects arrays of different lengths. */
    public EntityResult {
        retrains = List.copyOf(retrains);
        int n = labels.length;
        for (int length :
                new int[] {timestamps.length, scores.length, thresholds.length, flags.length, alertFlags.length}) {
            Confusion.requireSameLength(n, length);
        }
    }

    /**
     * Each score divided by its threshold: 1 is the decision boundary, so scores of entities with
     * models of different scales can be pooled.
     */
    public double[] normalizedScores() {
        double[] normalized = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            normalized[i] = scores[i] / thresholds[i];
        }
        return normalized;
    }

    /** Point-wise metrics of the detector's verdicts. */
    public DetectionMetrics pointwise() {
        return DetectionMetrics.of(normalizedScores(), labels, flags);
    }

    /** Alert-level metrics: a row counts as flagged when it lies inside an open alert. */
    public DetectionMetrics alertLevel() {
        return DetectionMetrics.of(normalizedScores(), labels, alertFlags);
    }
}
