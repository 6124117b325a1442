package dev.vigil.trainer;

import dev.vigil.contract.avro.Thresholds;
import java.util.Arrays;
import java.util.List;

/**
 * Label-free threshold calibration from validation scores. The anomaly threshold is the configured
 * quantile q of validation scores (default 0.995, i.e. a 0.5% false-alarm rate on normal data); the
 * exit threshold (hysteresis) is the quantile {@code max(0.5, 1 - 4(1 - q))} (0.98 for q = 0.995).
 * The bundle keeps {@value #LEVELS} quantiles at evenly spaced levels 0, 0.01, ..., 1.
 */
final class Calibration {
    static final int LEVELS = 101;

    private final double[] sorted;

    Calibration(float[] scores) {
        sorted = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            sorted[i] = scores[i];
        }
        Arrays.sort(sorted);
    }

    static double exitQuantile(double q) {
        return Math.max(0.5, 1 - 4 * (1 - q));
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

    double[] sortedScores() {
        return sorted.clone();
    }
}
