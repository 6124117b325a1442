package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.events.RejectReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DetectorMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DetectorEvents events;

    DetectorMetricsTest() {
        VigilMetrics metrics = new VigilMetrics();
        metrics.bindTo(registry);
        events = new DetectorMetrics(metrics);
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void verdictsScoresAndThresholdsReachTheMeters() {
        events.scored(Verdict.ANOMALOUS, 3.0, 2.0);
        events.scored(Verdict.WARMING_UP, Double.NaN, Double.NaN);
        assertEquals(1, count(VigilMetrics.RECORDS, "outcome", "scored"));
        assertEquals(1, count(VigilMetrics.RECORDS, "outcome", "warming_up"));
        assertEquals(1, count(VigilMetrics.ANOMALIES));
        assertEquals(2.0, registry.get(VigilMetrics.THRESHOLD).gauge().value(), "NaN threshold ignored");
    }

    @Test
    void everyKnownReasonHasASeriesAtZeroFromTheStart() {
        assertEquals(0, count(VigilMetrics.DEAD_LETTERS, "reason", "timestamp_in_future"));
        assertEquals(0, count(VigilMetrics.MODEL_SWAPS, "outcome", "refused", "reason", "untrusted"));
    }

    @Test
    void deadLettersAreCountedByReasonCode() {
        events.deadLettered(RejectReason.NON_FINITE_VALUE);
        assertEquals(1, count(VigilMetrics.DEAD_LETTERS, "reason", "non_finite_value"));
    }

    @Test
    void alertLifecycleMovesTheOpenGauge() {
        events.alert(AlertEvent.OPENED);
        events.alert(AlertEvent.UPDATED);
        assertEquals(1, registry.get(VigilMetrics.ALERTS_OPEN).gauge().value());
        events.alert(AlertEvent.CLOSED);
        assertEquals(0, registry.get(VigilMetrics.ALERTS_OPEN).gauge().value());
        assertEquals(1, count(VigilMetrics.ALERTS, "event", "updated"));
    }

    @Test
    void inferenceAndSwapsAreRecorded() {
        events.inferred(128, 2_000_000);
        events.modelApplied("pumps", 4);
        events.modelRefused("pumps", 5, "BAD_SIGNATURE", "signature does not verify");
        assertEquals(2, registry.get(VigilMetrics.INFERENCE_LATENCY).timer().totalTime(TimeUnit.MILLISECONDS));
        assertEquals(4, registry.get(VigilMetrics.MODEL_VERSION).gauge().value());
        assertEquals(1, count(VigilMetrics.MODEL_SWAPS, "outcome", "refused", "reason", "bad_signature"));
    }
}
