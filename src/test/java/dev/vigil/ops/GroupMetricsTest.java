package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.events.RejectReason;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GroupMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DetectorMetrics events = new DetectorMetrics();

    GroupMetricsTest() {
        events.bindTo(registry);
        events.groupsConfigured(List.of("pumps", "fans"));
    }

    private double records(String group, String outcome) {
        return registry.get(MetricNames.GROUP_RECORDS)
                .tags("group", group, "outcome", outcome)
                .counter()
                .count();
    }

    private Set<String> groupTagValues() {
        return registry.getMeters().stream()
                .filter(m -> MetricNames.PER_GROUP.contains(m.getId().getName()))
                .map(Meter::getId)
                .map(id -> id.getTag("group"))
                .collect(Collectors.toSet());
    }

    @Test
    void eachConfiguredGroupHasItsSeriesAtZeroBeforeTheFirstRecord() {
        assertEquals(0, records("pumps", "scored"));
        assertEquals(0, records("fans", "dead_lettered"));
        assertEquals(Set.of("pumps", "fans"), groupTagValues());
    }

    @Test
    void aGroupsViewCountsItsReadingsAndStillMovesTheDetectorWideMeters() {
        DetectorEvents pumps = events.forGroup("pumps");
        pumps.scored(Verdict.ANOMALOUS, 3.0, 2.0);
        pumps.scored(Verdict.NORMAL, 0.1, 2.0);
        pumps.scored(Verdict.WARMING_UP, Double.NaN, Double.NaN);
        events.forGroup("fans").deadLettered(RejectReason.MISSING_FEATURE);
        assertEquals(2, records("pumps", "scored"));
        assertEquals(1, records("pumps", "anomalous"));
        assertEquals(1, records("pumps", "warming_up"));
        assertEquals(0, records("fans", "scored"));
        assertEquals(1, records("fans", "dead_lettered"));
        assertEquals(
                2,
                registry.get(MetricNames.RECORDS)
                        .tags("outcome", "scored")
                        .counter()
                        .count());
    }

    @Test
    void eachGroupShowsTheVersionOfItsOwnModel() {
        events.modelApplied("pumps", 4, java.time.Instant.EPOCH);
        events.modelApplied("fans", 9, java.time.Instant.EPOCH);
        assertEquals(
                4,
                registry.get(MetricNames.GROUP_MODEL_VERSION)
                        .tags("group", "pumps")
                        .gauge()
                        .value());
        assertEquals(
                9,
                registry.get(MetricNames.GROUP_MODEL_VERSION)
                        .tags("group", "fans")
                        .gauge()
                        .value());
    }

    @Test
    void aGroupNameThatIsNotConfiguredIsNeverATagValue() {
        events.modelApplied("pump-17", 3, java.time.Instant.EPOCH);
        events.forGroup("valve-3").scored(Verdict.NORMAL, 0.1, 1.0);
        assertEquals(Set.of("pumps", "fans"), groupTagValues());
        assertEquals(
                1,
                registry.get(MetricNames.RECORDS)
                        .tags("outcome", "scored")
                        .counter()
                        .count());
    }

    @Test
    void thePerGroupMetersScrapeInPrometheus() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DetectorMetrics metrics = new DetectorMetrics();
        metrics.bindTo(prometheus);
        metrics.groupsConfigured(List.of("pumps"));
        metrics.forGroup("pumps").scored(Verdict.NORMAL, 0.1, 1.0);
        String scrape = prometheus.scrape();
        assertTrue(scrape.contains("vigil_group_records_total{group=\"pumps\",outcome=\"scored\"} 1.0"), scrape);
    }

    @Test
    void theTrainerCountsEachConfiguredGroupsPublishedBundlesAndNoOtherGroup() {
        SimpleMeterRegistry trainerRegistry = new SimpleMeterRegistry();
        TrainerMetrics trainer = new TrainerMetrics();
        trainer.bindTo(trainerRegistry);
        trainer.groupsConfigured(List.of("pumps", "fans"));
        trainer.forGroup("fans")
                .published(dev.vigil.testkit.TestBundles.linear("fans", 1, dev.vigil.testkit.TestBundles.FEATURES, 1));
        trainer.forGroup("valves")
                .published(
                        dev.vigil.testkit.TestBundles.linear("valves", 1, dev.vigil.testkit.TestBundles.FEATURES, 1));
        var published = trainerRegistry.find(MetricNames.GROUP_PUBLISHED).counters();
        assertEquals(2, published.size(), "one series per configured group, none for valves");
        assertEquals(
                1,
                trainerRegistry
                        .get(MetricNames.GROUP_PUBLISHED)
                        .tags("group", "fans")
                        .counter()
                        .count());
        assertEquals(
                0,
                trainerRegistry
                        .get(MetricNames.GROUP_PUBLISHED)
                        .tags("group", "pumps")
                        .counter()
                        .count());
        assertEquals(
                2,
                trainerRegistry
                        .get(MetricNames.TRAINING_RUNS)
                        .tags("outcome", "succeeded")
                        .counter()
                        .count());
    }
}
