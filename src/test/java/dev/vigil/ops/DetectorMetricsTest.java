package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.events.RejectReason;
import dev.vigil.detector.models.RefusalReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DetectorMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DetectorMetrics events = new DetectorMetrics();

    DetectorMetricsTest() {
        events.bindTo(registry);
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    @Test
    void everyDetectorMeterExistsBeforeTheFirstEvent() {
        for (String name : MetricNames.DETECTOR) {
            assertNotNull(registry.find(name).meter(), name);
        }
    }

    @Test
    void verdictsScoresAndThresholdsReachTheMeters() {
        events.scored(Verdict.ANOMALOUS, 3.0, 2.0);
        events.scored(Verdict.NORMAL, 0.2, Double.NaN);
        events.scored(Verdict.WARMING_UP, Double.NaN, Double.NaN);
        assertEquals(2, count(MetricNames.RECORDS, "outcome", "scored"));
        assertEquals(1, count(MetricNames.RECORDS, "outcome", "warming_up"));
        assertEquals(1, count(MetricNames.ANOMALIES));
        assertEquals(2, registry.get(MetricNames.SCORE).summary().count());
        assertEquals(3.0, registry.get(MetricNames.SCORE).summary().max());
        assertEquals(2.0, gauge(MetricNames.THRESHOLD), "NaN threshold ignored");
    }

    @Test
    void misroutedReadingsAreCountedApartFromTheOutcomes() {
        events.misrouted();
        events.misrouted();
        assertEquals(2, count(MetricNames.RECORDS_MISROUTED));
        assertEquals(0, count(MetricNames.RECORDS, "outcome", "scored"));
    }

    @Test
    void everyKnownReasonHasASeriesAtZeroFromTheStart() {
        assertEquals(0, count(MetricNames.DEAD_LETTERS, "reason", "timestamp_in_future"));
        assertEquals(0, count(MetricNames.MODEL_SWAPS, "outcome", "refused", "reason", "untrusted"));
    }

    @Test
    void deadLettersCountAsRecordsAndByReasonCode() {
        events.deadLettered(RejectReason.NON_FINITE_VALUE);
        events.deadLettered(RejectReason.NON_FINITE_VALUE);
        assertEquals(2, count(MetricNames.RECORDS, "outcome", "dead_lettered"));
        assertEquals(2, count(MetricNames.DEAD_LETTERS, "reason", "non_finite_value"));
    }

    @Test
    void unboundedRefusalReasonsCollapseIntoOtherInsteadOfCreatingSeries() {
        int known = RefusalReason.values().length;
        for (int i = 0; i < 1000; i++) {
            events.modelRefused("g", i, "entity-" + i, "message");
        }
        long series = registry.find(MetricNames.MODEL_SWAPS)
                .tag("outcome", "refused")
                .counters()
                .size();
        assertEquals(65, series, "64 distinct reasons plus other");
        assertEquals(1000 - (64 - known), count(MetricNames.MODEL_SWAPS, "outcome", "refused", "reason", "other"));
    }

    @Test
    void openAlertsFollowOpenAndCloseAndNeverGoNegative() {
        events.alert(AlertEvent.OPENED);
        events.alert(AlertEvent.OPENED);
        events.alert(AlertEvent.UPDATED);
        events.alert(AlertEvent.CLOSED);
        assertEquals(1, gauge(MetricNames.ALERTS_OPEN));
        events.alert(AlertEvent.CLOSED);
        events.alert(AlertEvent.CLOSED);
        assertEquals(0, gauge(MetricNames.ALERTS_OPEN));
        assertEquals(2, count(MetricNames.ALERTS, "event", "opened"));
        assertEquals(1, count(MetricNames.ALERTS, "event", "updated"));
        assertEquals(3, count(MetricNames.ALERTS, "event", "closed"));
    }

    @Test
    void inferenceAndSwapsAreRecorded() {
        events.inferred(128, 2_000_000);
        events.modelApplied("pumps", 4, java.time.Instant.ofEpochMilli(1_700_000_000_500L));
        events.modelRefused("pumps", 5, "BAD_SIGNATURE", "signature does not verify");
        assertEquals(2, registry.get(MetricNames.INFERENCE_LATENCY).timer().totalTime(TimeUnit.MILLISECONDS));
        assertEquals(
                128, registry.get(MetricNames.INFERENCE_BATCH_SIZE).summary().totalAmount());
        assertEquals(4, gauge(MetricNames.MODEL_VERSION));
        assertEquals(1_700_000_000.5, gauge(MetricNames.MODEL_CREATED));
        assertEquals(1, count(MetricNames.MODEL_SWAPS, "outcome", "applied", "reason", "none"));
        assertEquals(1, count(MetricNames.MODEL_SWAPS, "outcome", "refused", "reason", "bad_signature"));
    }

    @Test
    void prometheusScrapeShowsScoreBucketsAndLatencyQuantiles() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        events.bindTo(prometheus);
        events.scored(Verdict.NORMAL, 0.3, 1.0);
        events.inferred(64, 100_000);
        String text = prometheus.scrape();
        assertTrue(text.contains("vigil_score_bucket{le=\"0.2\"} 0"), text);
        assertTrue(text.contains("vigil_score_bucket{le=\"0.3\"} 1"), text);
        assertTrue(text.contains("vigil_inference_latency_seconds_bucket"), text);
        assertTrue(text.contains("vigil_records_total{outcome=\"scored\"} 1"), text);
    }
}
