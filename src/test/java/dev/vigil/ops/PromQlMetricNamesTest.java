package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {
    @Test
    void functionsLabelsGroupingsAndRangesAreNotMetrics() {
        assertEquals(
                Set.of("vigil_score_bucket"),
                PromQlMetricNames.of(
                        "histogram_quantile(0.99, sum by (le) (rate(vigil_score_bucket{job=\"d\"}[5m])))"));
    }

    @Test
    void bothSidesOfABinaryOperatorAreFound() {
        assertEquals(
                Set.of("vigil_inference_batch_size_sum", "vigil_inference_batch_size_count"),
                PromQlMetricNames.of(
                        "sum(rate(vigil_inference_batch_size_sum[5m])) / sum(rate(vigil_inference_batch_size_count[5m]))"));
    }

    @Test
    void keywordsNumbersSubqueriesAndTrailingGroupingsAreIgnored() {
        assertEquals(
                Set.of("vigil_model_version", "up"),
                PromQlMetricNames.of("changes(max(vigil_model_version)[1m:15s]) > 0 and on (job) up > bool 1e3"));
        assertEquals(Set.of("x_total"), PromQlMetricNames.of("sum(rate(x_total[1m])) without (instance)"));
    }
}
