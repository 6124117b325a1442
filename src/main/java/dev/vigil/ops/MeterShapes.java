package dev.vigil.ops;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.stream.DoubleStream;

/**
 * Histogram shapes of Vigil's distributions: which buckets each publishes so that Prometheus'
 * {@code histogram_quantile} can draw quantiles in Grafana.
 */
final class MeterShapes {
    /**
     * Six steps per decade from 0.001 to 10,000: reconstruction errors span several decades and often
     * lie below 1, where micrometer's default percentile-histogram buckets (which start at 1) would
     * lump them all into one bucket. Used by {@link ScoreHistogram}.
     */
    static final double[] SCORE_BUCKETS = decades(-3, 4, 1, 1.5, 2, 3, 5, 7);

    static final String SCORE_HELP = "Anomaly score (reconstruction error) of scored readings";

    private MeterShapes() {}

    static Timer.Builder inferenceLatency(String name) {
        return Timer.builder(name)
                .description("Duration of one ONNX Runtime call (one batch of rows)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(2));
    }

    static DistributionSummary.Builder batchSize(String name) {
        return DistributionSummary.builder(name)
                .description("Rows per ONNX Runtime call")
                .serviceLevelObjectives(decades(0, 4, 1, 2, 5));
    }

    static Timer.Builder trainingDuration(String name) {
        return Timer.builder(name)
                .description("Wall-clock duration of a training run")
                .serviceLevelObjectives(seconds(1, 5, 15, 30, 60, 120, 300, 600, 1800));
    }

    private static double[] decades(int fromExponent, int toExponent, double... steps) {
        return DoubleStream.iterate(fromExponent, e -> e <= toExponent, e -> e + 1)
                .flatMap(e -> DoubleStream.of(steps).map(step -> step * Math.pow(10, e)))
                .filter(v -> v <= Math.pow(10, toExponent))
                .map(v -> Double.parseDouble(String.format("%.6g", v)))
                .toArray();
    }

    private static Duration[] seconds(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofSeconds).toArray(Duration[]::new);
    }
}
