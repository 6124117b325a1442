package dev.vigil.trainer;

import dev.vigil.contract.ScoreTail;
import dev.vigil.contract.avro.Tail;
import dev.vigil.contract.avro.Thresholds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Label-free threshold calibration from validation scores. The anomaly threshold is the configured
 * quantile q of validation scores (default {@value ScoringParams#DEFAULT_THRESHOLD_QUANTILE}, i.e. a
 * 0.5% false-alarm rate on normal data); the exit threshold (hysteresis) is the quantile
 * {@code max(0.5, 1 - 4(1 - q))} (0.98 for the default q).
 * The bundle keeps {@value #LEVELS} quantiles at evenly spaced levels 0, 0.01, ..., 1, and the
 * {@link ScoreTail}s of the scores in time order: over the scores themselves and over their moving
 * mean (drift), for the detector's EVT thresholds.
 */
final class Calibration {
    static final int LEVELS = 101;

    private final double[] sorted;
    private final float[] inOrder;
    private final int[] runs;

    /** Scores in time order, in runs of {@code runs[i]} consecutive windows each. */
    Calibration(float[] scores, int[] runs) {
        this.inOrder = scores.clone();
        this.runs = runs.clone();
        sorted = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            sorted[i] = scores[i];
        }
        Arrays.sort(sorted);
    }

    static double exitQuantile(double q) {
        return Math.max(0.5, 1 - 4 * (1 - q));
    }

    /**
     * The thresholds at quantile q, or, when {@code fixedAnomaly} is a number (a score normalised to
     * its limits), that anomaly threshold with the exit quantile capped at it.
     */
    Thresholds thresholds(double q, double fixedAnomaly) {
        if (Double.isNaN(fixedAnomaly)) {
            return thresholds(q);
        }
        return Thresholds.newBuilder()
                .setAnomaly(fixedAnomaly)
                .setExit(Math.min(fixedAnomaly, quantile(exitQuantile(q))))
                .setRule("limits:" + q)
                .build();
    }

    Thresholds thresholds(double q) {
        return Thresholds.newBuilder()
                .setAnomaly(quantile(q))
                .setExit(quantile(exitQuantile(q)))
                .setRule("quantile:" + q)
                .build();
    }

    double quantile(double q) {
        return Scaler.quantile(sorted, q);
    }

    List<Double> levels() {
        double[] levels = new double[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            levels[i] = quantile(i / (double) (LEVELS - 1));
        }
        return Scaler.boxed(levels);
    }

    /** The tails at depth 0 and {@code driftDepth}, those the scores are enough for. */
    List<Tail> tails(int driftDepth) {
        List<Tail> tails = new ArrayList<>();
        for (int depth : new int[] {0, driftDepth}) {
            ScoreTail tail = ScoreTail.fit(inOrder, runs, depth, ScoreTail.MAX_PEAKS);
            if (tail != null) {
                tails.add(tail.toAvro(inOrder.length));
            }
        }
        return tails;
    }

    double[] sortedScores() {
        return sorted.clone();
    }
}
