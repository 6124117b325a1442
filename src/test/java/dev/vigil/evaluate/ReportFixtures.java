package dev.vigil.evaluate;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded synthetic evaluation results: scores higher inside labelled anomaly runs. */
final class ReportFixtures {
    private ReportFixtures() {}

    static EvaluationResult twoEntities(long seed) {
        Random random = new Random(seed);
        return new EvaluationResult(
                List.of(entity("pump-<1>", 3000, 0.5, random), entity("pump-2", 2000, 0.05, random)),
                Map.of("variant", "dense", "window", 8, "scope", "per-entity"));
    }

    /** An entity of {@code n} rows whose anomalies sit in two runs; the second entity has no anomalies. */
    static EntityResult entity(String name, int n, double threshold, Random random) {
        long[] times = new long[n];
        double[] scores = new double[n];
        double[] thresholds = new double[n];
        boolean[] labels = new boolean[n];
        boolean[] flags = new boolean[n];
        boolean[] alerts = new boolean[n];
        for (int i = 0; i < n; i++) {
            times[i] = 1_600_000_000_000L + i * 300_000L;
            labels[i] = threshold > 0.1 && (i >= n / 3 && i < n / 3 + 60 || i >= 2 * n / 3 && i < 2 * n / 3 + 30);
            scores[i] = threshold * Math.exp(random.nextGaussian() * 0.5 + (labels[i] ? 1.2 : -0.6));
            thresholds[i] = threshold;
            flags[i] = scores[i] >= threshold;
            alerts[i] = i > 0 && flags[i - 1] && flags[i];
        }
        return new EntityResult(name, times, scores, thresholds, labels, flags, alerts);
    }
}
