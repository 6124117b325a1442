package dev.vigil.ops;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Histogram;

/**
 * The score distribution. Micrometer's fixed-boundary histograms round every recorded value up to a
 * whole number ({@code Math.ceil}) before choosing its bucket, so a score of 0.3 would land in the
 * {@code le="1"} bucket and quantiles below 1 would be meaningless. Scores often lie below 1, so a
 * Prometheus registry gets a native Prometheus classic histogram {@code vigil_score} with
 * {@link MeterShapes#SCORE_BUCKETS} instead (micrometer's {@code vigil.score} is filtered out of that
 * registry); other registries get micrometer's summary (count, sum, max).
 */
final class ScoreHistogram {
    private final DistributionSummary summary;
    private final Histogram prometheusHistogram;

    private ScoreHistogram(DistributionSummary summary, Histogram prometheusHistogram) {
        this.summary = summary;
        this.prometheusHistogram = prometheusHistogram;
    }

    /** The score meter of {@code registry}: a native histogram if it is a Prometheus registry. */
    static ScoreHistogram in(MeterRegistry registry) {
        Histogram histogram = null;
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            prometheus.config().meterFilter(MeterFilter.deny(id -> id.getName().equals(MetricNames.SCORE)));
            histogram = Histogram.builder()
                    .name(MetricNames.SCORE.replace('.', '_'))
                    .help(MeterShapes.SCORE_HELP)
                    .withoutExemplars()
                    .classicOnly()
                    .classicUpperBounds(MeterShapes.SCORE_BUCKETS)
                    .register(prometheus.getPrometheusRegistry());
        }
        DistributionSummary summary = DistributionSummary.builder(MetricNames.SCORE)
                .description(MeterShapes.SCORE_HELP)
                .register(registry);
        return new ScoreHistogram(summary, histogram);
    }

    void record(double score) {
        summary.record(score);
        if (prometheusHistogram != null) {
            prometheusHistogram.observe(score);
        }
    }
}
