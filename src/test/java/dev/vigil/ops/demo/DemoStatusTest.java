package dev.vigil.ops.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contract.avro.Verdict;
import dev.vigil.ops.VigilMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoStatusTest {
    @Test
    void readsTheVigilMetersFromTheRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (VigilMetrics metrics = new VigilMetrics()) {
            metrics.bindTo(registry);
            assertEquals(-1, DemoStatus.read(registry, Duration.ZERO, 0).modelVersion(), "no model yet");
            metrics.recordScored(Verdict.NORMAL, 0.1);
            metrics.recordScored(Verdict.ANOMALOUS, 9);
            metrics.recordDeadLetter("UNREADABLE");
            metrics.recordAlertOpened();
            metrics.recordSwapApplied(2);
            metrics.recordSwapRefused("STALE_VERSION");
            DemoStatus status = DemoStatus.read(registry, Duration.ofSeconds(3), 42);
            assertEquals(new DemoStatus(Duration.ofSeconds(3), 3, 1, 1, 1, 0, 2, 1, 1, 42), status);
        }
    }
}
