package dev.vigil.ops;

import static dev.vigil.ops.MetricNames.SHADOW_ANOMALIES;
import static dev.vigil.ops.MetricNames.SHADOW_MODEL_VERSION;
import static dev.vigil.ops.MetricNames.SHADOW_READINGS;
import static dev.vigil.ops.MetricNames.SHADOW_SKIPPED;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The detector's live shadow meters, registered at zero for the configured groups and for any other
 * group on its first shadow event: readings the
 * shadow scored, readings above each model's threshold ({@code model="shadow"|"live"}: the shadow
 * alert rate beside the live one is their ratio to the readings), readings skipped, and the shadow
 * version. The {@code group} tag is a validated bundle's group, capped by {@link BoundedTagValues}.
 */
final class ShadowMeters {
    private final MeterRegistry registry;
    private final BoundedTagValues groups = new BoundedTagValues(32);
    private final Map<String, GaugeValue> versions = new ConcurrentHashMap<>();

    ShadowMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers every series of {@code configured} groups at zero, so a scrape shows them before the first shadow. */
    void registerAtZero(List<String> configured) {
        for (String group : new GroupTags(configured).groups()) {
            scored(group, 0, 0, 0);
            skipped(group, "busy", 0);
            skipped(group, "failed", 0);
            version(group);
        }
    }

    void applied(String group, long version) {
        version(group).set(version);
    }

    void cleared(String group) {
        version(group).set(Double.NaN);
    }

    void scored(String group, int readings, int shadowAnomalous, int liveAnomalous) {
        String tag = groups.bound(group);
        counter(SHADOW_READINGS, "Live readings scored by the shadow candidate", "group", tag)
                .increment(readings);
        anomalies(tag, "shadow").increment(shadowAnomalous);
        anomalies(tag, "live").increment(liveAnomalous);
    }

    void skipped(String group, String reason, int readings) {
        counter(
                        SHADOW_SKIPPED,
                        "Live readings the shadow candidate did not score, by reason",
                        "group",
                        groups.bound(group),
                        "reason",
                        reason)
                .increment(readings);
    }

    private Counter anomalies(String group, String model) {
        return counter(
                SHADOW_ANOMALIES,
                "Shadow-scored readings above each model's threshold",
                "group",
                group,
                "model",
                model);
    }

    private GaugeValue version(String group) {
        return versions.computeIfAbsent(groups.bound(group), tag -> {
            GaugeValue value = new GaugeValue(Double.NaN);
            Gauge.builder(SHADOW_MODEL_VERSION, value, GaugeValue::get)
                    .description("Version of the shadow candidate scored beside the live model")
                    .tag("group", tag)
                    .register(registry);
            return value;
        });
    }

    private Counter counter(String name, String help, String... tags) {
        return Counter.builder(name).description(help).tags(tags).register(registry);
    }
}
