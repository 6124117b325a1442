package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.Verdict;
import dev.vigil.ops.VigilMetrics.TrainingRun;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VigilMetricsTest {
    private final VigilMetrics metrics = new VigilMetrics();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    VigilMetricsTest() {
        metrics.bindTo(registry);
    }

    @AfterEach
    void close() {
        metrics.close();
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void everyMeterButTheReasonKeyedDeadLettersExistsBeforeTheFirstEvent() {
        for (String name : VigilMetrics.NAMES) {
            boolean keyedByReasonOnly = name.equals(VigilMetrics.DEAD_LETTERS);
            assertEquals(!keyedByReasonOnly, registry.find(name).meter() != null, name);
        }
    }

    @Test
    void scoredReadingsCountByOutcomeAndAnomaliesSeparately() {
        metrics.recordScored(Verdict.NORMAL, 0.2);
        metrics.recordScored(Verdict.ANOMALOUS, 7.5);
        metrics.recordScored(Verdict.WARMING_UP, Double.NaN);
        metrics.recordWarmingUp();
        assertEquals(2, count(VigilMetrics.RECORDS, "outcome", "scored"));
        assertEquals(2, count(VigilMetrics.RECORDS, "outcome", "warming_up"));
        assertEquals(1, count(VigilMetrics.ANOMALIES));
        assertEquals(2, registry.get(VigilMetrics.SCORE).summary().count());
        assertEquals(7.5, registry.get(VigilMetrics.SCORE).summary().max());
    }

    @Test
    void deadLettersCountAsRecordsAndByNormalisedReason() {
        metrics.recordDeadLetter("NON_FINITE_VALUE");
        metrics.recordDeadLetter("non-finite value");
        assertEquals(2, count(VigilMetrics.RECORDS, "outcome", "dead_lettered"));
        assertEquals(2, count(VigilMetrics.DEAD_LETTERS, "reason", "non_finite_value"));
    }

    @Test
    void unboundedReasonsCollapseIntoOtherInsteadOfCreatingSeries() {
        for (int i = 0; i < 1000; i++) {
            metrics.recordDeadLetter("entity-" + i);
        }
        long series = registry.find(VigilMetrics.DEAD_LETTERS).counters().size();
        assertEquals(65, series, "64 distinct reasons plus other");
        assertEquals(1000 - 64, count(VigilMetrics.DEAD_LETTERS, "reason", "other"));
    }

    @Test
    void openAlertsFollowOpenAndCloseAndNeverGoNegative() {
        metrics.recordAlertOpened();
        metrics.recordAlertOpened();
        metrics.recordAlertUpdated();
        metrics.recordAlertClosed();
        assertEquals(1, gauge(VigilMetrics.ALERTS_OPEN));
        metrics.recordAlertClosed();
        metrics.recordAlertClosed();
        assertEquals(0, gauge(VigilMetrics.ALERTS_OPEN));
        assertEquals(2, count(VigilMetrics.ALERTS, "event", "opened"));
        assertEquals(1, count(VigilMetrics.ALERTS, "event", "updated"));
        assertEquals(3, count(VigilMetrics.ALERTS, "event", "closed"));
    }

    @Test
    void appliedSwapSetsVersionAndThresholdAndRefusalsCountByReason() {
        metrics.recordSwapApplied(7);
        metrics.setThreshold(1.25);
        metrics.recordSwapRefused("BAD_SIGNATURE");
        assertEquals(7, gauge(VigilMetrics.MODEL_VERSION));
        assertEquals(1.25, gauge(VigilMetrics.THRESHOLD));
        assertEquals(1, count(VigilMetrics.MODEL_SWAPS, "outcome", "applied", "reason", "none"));
        assertEquals(1, count(VigilMetrics.MODEL_SWAPS, "outcome", "refused", "reason", "bad_signature"));
    }

    @Test
    void aSuccessfulTrainingRunSetsLossesAndSamplesAndAFailedOneKeepsThem() {
        metrics.recordTrainingRun(TrainingRun.succeeded(Duration.ofSeconds(12), 5000, 0.03, 0.04));
        metrics.recordTrainingRun(TrainingRun.failed(Duration.ofSeconds(1)));
        assertEquals(1, count(VigilMetrics.TRAINING_RUNS, "outcome", "succeeded"));
        assertEquals(1, count(VigilMetrics.TRAINING_RUNS, "outcome", "failed"));
        assertEquals(5000, gauge(VigilMetrics.TRAINING_SAMPLES));
        assertEquals(0.03, gauge(VigilMetrics.TRAINING_LOSS, "split", "train"));
        assertEquals(0.04, gauge(VigilMetrics.TRAINING_LOSS, "split", "validation"));
        assertEquals(2, registry.get(VigilMetrics.TRAINING_DURATION).timer().count());
    }

    @Test
    void inferenceRecordsLatencyAndBatchSize() {
        metrics.recordInference(250_000, 512);
        assertEquals(
                0.25,
                registry.get(VigilMetrics.INFERENCE_LATENCY)
                        .timer()
                        .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS));
        assertEquals(
                512, registry.get(VigilMetrics.INFERENCE_BATCH_SIZE).summary().totalAmount());
    }

    @Test
    void gateDecisionsAndDriftAreRecorded() {
        metrics.recordGateDecision(true);
        metrics.recordGateDecision(false);
        metrics.recordGateDecision(false);
        metrics.setDriftStatistic(0.4);
        assertEquals(1, count(VigilMetrics.GATE_DECISIONS, "decision", "published"));
        assertEquals(2, count(VigilMetrics.GATE_DECISIONS, "decision", "rejected"));
        assertEquals(0.4, gauge(VigilMetrics.DRIFT_STATISTIC));
    }

    @Test
    void jvmMetersAreBoundToo() {
        for (String name : Set.of(
                "jvm.memory.used", "jvm.gc.pause", "jvm.threads.live", "jvm.classes.loaded", "system.cpu.count")) {
            Meter meter = registry.find(name).meter();
            assertTrue(meter != null || name.equals("jvm.gc.pause"), name);
        }
    }

    @Test
    void prometheusScrapeShowsScoreBucketsAndLatencyQuantiles() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.bindTo(prometheus);
        metrics.recordScored(Verdict.NORMAL, 0.3);
        metrics.recordInference(100_000, 64);
        String text = prometheus.scrape();
        assertTrue(text.contains("vigil_score_bucket{le=\"0.2\"} 0"), text);
        assertTrue(text.contains("vigil_score_bucket{le=\"0.3\"} 1"), text);
        assertTrue(text.contains("vigil_inference_latency_seconds_bucket"), text);
        assertTrue(text.contains("vigil_records_total{outcome=\"scored\"} 1"), text);
    }
}
