package dev.vigil.evaluate;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The same evaluation repeated with different seeds (weight initialisation, mini-batch order, noise):
 * how much of a figure is the model and how much one seed's draw. Each statistic is taken figure by
 * figure over the runs; the standard deviation is the sample one (n − 1), 0 for a single run.
 *
 * @param seeds the seed of each run, in run order
 * @param results the result of each run, in the same order
 */
public record SeedRuns(List<Long> seeds, List<EvaluationResult> results) {

    /** Rejects an empty list, or seeds and results of different lengths. */
    public SeedRuns {
        if (results.isEmpty() || seeds.size() != results.size()) {
            throw new IllegalArgumentException("seed runs: " + seeds.size() + " seeds for " + results.size()
                    + " results (need as many, at least one)");
        }
        seeds = List.copyOf(seeds);
        results = List.copyOf(results);
    }

    /** Mean over the runs of each figure of {@code level}, e.g. {@code EvaluationResult::pooled}. */
    public DetectionMetrics mean(Function<EvaluationResult, DetectionMetrics> level) {
        return over(level, SeedRuns::mean);
    }

    /** Sample standard deviation over the runs of each figure of {@code level}. */
    public DetectionMetrics sd(Function<EvaluationResult, DetectionMetrics> level) {
        return over(level, SeedRuns::sd);
    }

    /** Smallest value over the runs of each figure of {@code level}. */
    public DetectionMetrics min(Function<EvaluationResult, DetectionMetrics> level) {
        return over(level, values -> Arrays.stream(values).min().orElseThrow());
    }

    /** Largest value over the runs of each figure of {@code level}. */
    public DetectionMetrics max(Function<EvaluationResult, DetectionMetrics> level) {
        return over(level, values -> Arrays.stream(values).max().orElseThrow());
    }

    private DetectionMetrics over(
            Function<EvaluationResult, DetectionMetrics> level, ToDoubleFunction<double[]> statistic) {
        List<DetectionMetrics> runs = results.stream().map(level).toList();
        DetectionMetrics first = runs.get(0);
        return DetectionMetrics.combined(runs, statistic, first.rows(), first.anomalies());
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double sd(double[] values) {
        if (values.length < 2) {
            return 0.0;
        }
        double mean = mean(values);
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.length - 1));
    }
}
