package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.Stage;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.models.GroupModels;
import dev.vigil.detector.topology.DetectorTopology;
import dev.vigil.detector.topology.InputRouting;
import dev.vigil.testkit.TestBundles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One detector, two model groups of different widths: pumps (5 features, window 1) and fans (8
 * features, window 2), routed by entity pattern or by a tag; readings of no group are dead-lettered
 * as NO_MODEL_GROUP or go to the default group; each group's model swaps on its own.
 */
class ModelGroupsTopologyTest {
    static final List<String> PUMP_FEATURES = List.of("temp", "pressure", "flow", "rpm", "vibration");
    static final List<String> FAN_FEATURES =
            IntStream.rangeClosed(1, 8).mapToObj(i -> "f" + i).toList();

    @TempDir
    Path stateDir;

    private static Map<String, Object> byPattern() {
        return Map.of(
                DetectorConfig.MODEL_GROUPS,
                "pumps,fans",
                DetectorConfig.groupKey("pumps", "entity.pattern"),
                "pump-.*",
                DetectorConfig.groupKey("fans", "entity.pattern"),
                "fan-.*");
    }

    private DetectorHarness harness(Map<String, Object> overrides) {
        return harness(overrides, DetectorEvents.NOOP);
    }

    private DetectorHarness harness(Map<String, Object> overrides, DetectorEvents events) {
        DetectorConfig config = DetectorHarness.config(overrides, stateDir);
        Map<String, dev.vigil.detector.models.ModelHolder> holders = new LinkedHashMap<>();
        holders.put("pumps", DetectorHarness.holderWith(config, TestBundles.linear("pumps", 1, PUMP_FEATURES, 1)));
        holders.put("fans", DetectorHarness.holderWith(config, TestBundles.linear("fans", 1, FAN_FEATURES, 2)));
        return new DetectorHarness(
                config, new GroupModels(holders), InputRouting.of(config, InputRouting.UNKNOWN), events);
    }

    /** A perfectly normal JSON reading of {@code features}, with {@code tags}. */
    private static String reading(String entity, int second, List<String> features, Map<String, String> tags) {
        double v = TestBundles.normal(Math.sin(second));
        StringBuilder json = new StringBuilder("{\"entity\":\"" + entity + "\",\"ts\":"
                + (DetectorHarness.T0 + second * 1000L) + ",\"id\":\"" + entity + "@" + second + "\",\"values\":{");
        features.forEach(f -> json.append('"').append(f).append("\":").append(v).append(','));
        json.setLength(json.length() - 1);
        json.append("},\"tags\":{");
        tags.forEach(
                (k, t) -> json.append('"').append(k).append("\":\"").append(t).append("\","));
        if (!tags.isEmpty()) {
            json.setLength(json.length() - 1);
        }
        return json.append("}}").toString();
    }

    private static void pipe(DetectorHarness h, String entity, int second, List<String> features) {
        h.pipe(entity, reading(entity, second, features, Map.of()));
    }

    @Test
    void eachEntityIsScoredByTheModelOfTheGroupItsPatternMatchesWithThatGroupsWindow() {
        try (var h = harness(byPattern())) {
            pipe(h, "pump-1", 1, PUMP_FEATURES);
            pipe(h, "fan-1", 1, FAN_FEATURES);
            pipe(h, "fan-1", 2, FAN_FEATURES);
            List<ScoredReading> out = h.scoredValues();
            assertEquals(3, out.size());
            assertScored(out.get(0), "pumps", 1);
            assertEquals(Verdict.WARMING_UP, out.get(1).getVerdict(), "fans fill a window of 2 first");
            assertEquals("fans", out.get(1).getModelGroup());
            assertScored(out.get(2), "fans", 1);
            assertTrue(h.dlq.isEmpty());
        }
    }

    @Test
    void withRoutingByFieldTheTagNamesTheGroupWhateverTheEntity() {
        Map<String, Object> config =
                Map.of(DetectorConfig.MODEL_GROUPS, "pumps,fans", DetectorConfig.MODEL_GROUPS_BY_FIELD, "kind");
        try (var h = harness(config)) {
            h.pipe("unit-1", reading("unit-1", 1, PUMP_FEATURES, Map.of("kind", "pumps")));
            h.pipe("unit-2", reading("unit-2", 1, FAN_FEATURES, Map.of("kind", "fans", "site", "a")));
            h.pipe("unit-2", reading("unit-2", 2, FAN_FEATURES, Map.of("kind", "fans")));
            List<ScoredReading> out = h.scoredValues();
            assertScored(out.get(0), "pumps", 1);
            assertScored(out.get(2), "fans", 1);
            h.pipe("unit-3", reading("unit-3", 1, PUMP_FEATURES, Map.of("kind", "valves")));
            DeadLetter letter = h.dlq.readValue();
            assertEquals("NO_MODEL_GROUP", letter.getReason());
            assertTrue(letter.getErrorMessage().contains("kind=valves"), letter.getErrorMessage());
        }
    }

    @Test
    void anEntityOfNoGroupIsDeadLetteredAsNoModelGroupWithItsProvenance() {
        try (var h = harness(byPattern())) {
            String raw = reading("valve-1", 1, PUMP_FEATURES, Map.of());
            h.pipe("valve-1", raw);
            assertTrue(h.scored.isEmpty(), "nothing scored");
            DeadLetter letter = h.dlq.readValue();
            assertEquals("NO_MODEL_GROUP", letter.getReason());
            assertEquals(Stage.FEATURES, letter.getStage());
            assertEquals(h.config.getString(DetectorConfig.INPUT_TOPIC), letter.getSourceTopic());
            assertEquals(0L, letter.getOffset());
            assertArrayEquals(raw.getBytes(StandardCharsets.UTF_8), bytes(letter.getValue()));
            assertArrayEquals("valve-1".getBytes(StandardCharsets.UTF_8), bytes(letter.getKey()));
            assertTrue(letter.getErrorMessage().contains("valve-1"), letter.getErrorMessage());
        }
    }

    @Test
    void withADefaultGroupAnEntityOfNoGroupIsScoredByTheDefaultGroupsModel() {
        Map<String, Object> config = new HashMap<>(byPattern());
        config.put(DetectorConfig.MODEL_GROUPS_DEFAULT, "pumps");
        try (var h = harness(config)) {
            pipe(h, "valve-1", 1, PUMP_FEATURES);
            assertScored(h.scored.readValue(), "pumps", 1);
            assertTrue(h.dlq.isEmpty());
        }
    }

    @Test
    void aNewBundleForOneGroupSwapsThatGroupOnlyAndALayoutChangeWithinAGroupIsRefused() {
        try (var h = harness(byPattern())) {
            pipe(h, "fan-1", 1, FAN_FEATURES);
            assertTrue(h.groups.offer(TestBundles.linear("fans", 2, FAN_FEATURES, 2)));
            assertFalse(
                    h.groups.offer(TestBundles.linear("pumps", 2, FAN_FEATURES, 2)),
                    "a group's layout is fixed by its first bundle, as for a single model");
            assertFalse(h.groups.offer(TestBundles.linear("valves", 1, PUMP_FEATURES, 1)), "not a group served");
            pipe(h, "fan-1", 2, FAN_FEATURES);
            pipe(h, "pump-1", 2, PUMP_FEATURES);
            List<ScoredReading> out = h.scoredValues();
            assertScored(out.get(1), "fans", 2);
            assertScored(out.get(2), "pumps", 1);
            assertEquals(1L, h.groups.holder("pumps").current().orElseThrow().version());
            assertEquals(2L, h.groups.holder("fans").current().orElseThrow().version());
        }
    }

    @Test
    void readingsRepartitionedByEntityStillReachTheirGroupsModel() {
        Map<String, Object> config = new HashMap<>(byPattern());
        config.put(DetectorConfig.INPUT_REPARTITION, "always");
        try (var h = harness(config)) {
            pipe(h, "pump-1", 1, PUMP_FEATURES);
            pipe(h, "valve-1", 1, PUMP_FEATURES);
            assertScored(h.scored.readValue(), "pumps", 1);
            assertEquals("NO_MODEL_GROUP", h.dlq.readValue().getReason());
        }
    }

    @Test
    void eachGroupKeepsItsWindowsAndScoringBatchInStoresOfItsOwn() {
        DetectorConfig config = DetectorHarness.config(byPattern(), stateDir);
        try (var h = harness(byPattern())) {
            String description = DetectorTopology.build(
                            config, h.groups, DetectorEvents.NOOP, InputRouting.of(config, InputRouting.UNKNOWN))
                    .describe()
                    .toString();
            for (String store : List.of("vigil-windows-pumps", "vigil-windows-fans", "vigil-scoring-buffer-fans")) {
                assertTrue(description.contains(store), store + " in\n" + description);
            }
            assertFalse(description.contains("vigil-windows,") || description.contains("vigil-windows]"));
        }
    }

    @Test
    void eachGroupsReadingsAreCountedUnderItsOwnGroupTag() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var metrics = new dev.vigil.ops.DetectorMetrics();
        metrics.bindTo(registry);
        metrics.groupsConfigured(List.of("pumps", "fans"));
        try (var h = harness(byPattern(), metrics)) {
            pipe(h, "pump-1", 1, PUMP_FEATURES);
            pipe(h, "pump-1", 2, PUMP_FEATURES);
            pipe(h, "fan-1", 1, FAN_FEATURES);
            pipe(h, "valve-1", 1, PUMP_FEATURES);
        }
        String name = dev.vigil.ops.MetricNames.GROUP_RECORDS;
        assertEquals(
                2,
                registry.get(name)
                        .tags("group", "pumps", "outcome", "scored")
                        .counter()
                        .count());
        assertEquals(
                1,
                registry.get(name)
                        .tags("group", "fans", "outcome", "warming_up")
                        .counter()
                        .count());
        assertEquals(
                0,
                registry.get(name)
                        .tags("group", "fans", "outcome", "scored")
                        .counter()
                        .count());
        assertEquals(
                1,
                registry.get(dev.vigil.ops.MetricNames.DEAD_LETTERS)
                        .tags("reason", "no_model_group")
                        .counter()
                        .count());
    }

    private static void assertScored(ScoredReading scored, String group, long version) {
        assertEquals(group, scored.getModelGroup(), scored.toString());
        assertEquals(version, scored.getModelVersion(), scored.toString());
        assertEquals(Verdict.NORMAL, scored.getVerdict(), scored.toString());
        assertTrue(scored.getScore() < 1e-3, "score " + scored.getScore());
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
