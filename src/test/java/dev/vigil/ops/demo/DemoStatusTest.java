package dev.vigil.ops.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.events.RejectReason;
import dev.vigil.ops.DetectorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoStatusTest {
    @Test
    void readsTheVigilMetersFromTheRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DetectorMetrics metrics = new DetectorMetrics();
        metrics.bindTo(registry);
        assertEquals(-1, DemoStatus.read(registry, Duration.ZERO, 0).modelVersion(), "no model yet");
        metrics.scored(Verdict.NORMAL, 0.1, 1.0);
        metrics.scored(Verdict.ANOMALOUS, 9, 1.0);
        metrics.deadLettered(RejectReason.UNREADABLE);
        metrics.alert(AlertEvent.OPENED);
        metrics.modelApplied("pumps", 2, java.time.Instant.EPOCH);
        metrics.modelRefused("pumps", 1, "STALE_VERSION", "older than the model in service");
        DemoStatus status = DemoStatus.read(registry, Duration.ofSeconds(3), 42);
        assertEquals(new DemoStatus(Duration.ofSeconds(3), 3, 1, 1, 1, 0, 2, 1, 1, 42), status);
    }
}
