package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShadowMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DetectorMetrics metrics = new DetectorMetrics();

    ShadowMetersTest() {
        metrics.bindTo(registry);
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void theShadowSeriesOfConfiguredGroupsExistAtZeroBeforeAnyShadow() {
        metrics.groupsConfigured(List.of("pumps"));
        assertEquals(0, count(MetricNames.SHADOW_READINGS, "group", "pumps"));
        assertEquals(0, count(MetricNames.SHADOW_ANOMALIES, "group", "pumps", "model", "shadow"));
        assertEquals(0, count(MetricNames.SHADOW_SKIPPED, "group", "pumps", "reason", "failed"));
        assertTrue(Double.isNaN(
                registry.get(MetricNames.SHADOW_MODEL_VERSION).gauge().value()));
    }

    @Test
    void shadowBatchesCountReadingsAndEachModelsAnomaliesSideBySide() {
        metrics.shadowApplied("pumps", 7);
        metrics.shadowScored("pumps", 7, 256, 5, 2);
        metrics.shadowScored("pumps", 7, 44, 1, 0);
        metrics.shadowSkipped("pumps", "busy", 256);
        assertEquals(300, count(MetricNames.SHADOW_READINGS, "group", "pumps"));
        assertEquals(6, count(MetricNames.SHADOW_ANOMALIES, "group", "pumps", "model", "shadow"));
        assertEquals(2, count(MetricNames.SHADOW_ANOMALIES, "group", "pumps", "model", "live"));
        assertEquals(256, count(MetricNames.SHADOW_SKIPPED, "group", "pumps", "reason", "busy"));
        assertEquals(7, registry.get(MetricNames.SHADOW_MODEL_VERSION).gauge().value());
        metrics.shadowCleared("pumps");
        assertTrue(Double.isNaN(
                registry.get(MetricNames.SHADOW_MODEL_VERSION).gauge().value()));
    }
}
