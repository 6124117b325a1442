package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformMetricsTest {
    @Test
    void jvmMetersAreBound() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (PlatformMetrics platform = new PlatformMetrics()) {
            platform.bindTo(registry);
            for (String name : Set.of(
                    "jvm.memory.used", "jvm.gc.pause", "jvm.threads.live", "jvm.classes.loaded", "system.cpu.count")) {
                Meter meter = registry.find(name).meter();
                assertTrue(meter != null || name.equals("jvm.gc.pause"), name);
            }
        }
    }

    @Test
    void kafkaStreamsMetersNeedARegistryFirst() {
        try (PlatformMetrics platform = new PlatformMetrics()) {
            assertThrows(IllegalStateException.class, () -> platform.bindKafkaStreams(null));
        }
    }
}
