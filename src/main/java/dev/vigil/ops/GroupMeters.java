package dev.vigil.ops;

import static dev.vigil.ops.MetricNames.GROUP_MODEL_VERSION;
import static dev.vigil.ops.MetricNames.GROUP_RECORDS;

import dev.vigil.contract.avro.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The detector's per-group meters, one series per configured group (registered at zero): readings
 * by outcome ({@code scored}, {@code anomalous}, {@code warming_up}, {@code dead_lettered}) and the
 * version of the model in service. Events of any other group move nothing.
 */
final class GroupMeters {
    private static final List<String> OUTCOMES = List.of("scored", "anomalous", "warming_up", "dead_lettered");

    private final GroupTags tags;
    private final Map<String, Map<String, Counter>> records = new HashMap<>();
    private final Map<String, GaugeValue> versions = new HashMap<>();

    GroupMeters(MeterRegistry registry, GroupTags tags) {
        this.tags = tags;
        for (String group : tags.groups()) {
            Map<String, Counter> outcomes = new HashMap<>();
            for (String outcome : OUTCOMES) {
                outcomes.put(
                        outcome,
                        Counter.builder(GROUP_RECORDS)
                                .description("Readings of one model group, by outcome")
                                .tags(GroupTags.TAG, group, "outcome", outcome)
                                .register(registry));
            }
            records.put(group, outcomes);
            GaugeValue version = new GaugeValue(Double.NaN);
            io.micrometer.core.instrument.Gauge.builder(GROUP_MODEL_VERSION, version, GaugeValue::get)
                    .description("Version of the model scoring one group now")
                    .tags(GroupTags.TAG, group)
                    .register(registry);
            versions.put(group, version);
        }
    }

    void scored(String group, Verdict verdict) {
        switch (verdict) {
            case WARMING_UP -> count(group, "warming_up");
            case ANOMALOUS -> {
                count(group, "scored");
                count(group, "anomalous");
            }
            default -> count(group, "scored");
        }
    }

    void deadLettered(String group) {
        count(group, "dead_lettered");
    }

    void modelApplied(String group, long version) {
        tags.tag(group).ifPresent(g -> versions.get(g).set(version));
    }

    private void count(String group, String outcome) {
        tags.tag(group).ifPresent(g -> records.get(g).get(outcome).increment());
    }
}
