package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.contract.avro.Stage;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.testkit.TestBundles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorTopologyTest {
    @TempDir
    Path stateDir;

    private DetectorHarness harness(Map<String, Object> overrides) {
        return new DetectorHarness(overrides, TestBundles.linear(1), stateDir);
    }

    @Test
    void aNormalJsonReadingIsScoredNormalWithTheModelVersion() {
        try (var h = harness(Map.of())) {
            h.normal("pump-7", 1);
            var out = h.scored.readKeyValue();
            assertEquals("pump-7", out.key);
            assertEquals(Verdict.NORMAL, out.value.getVerdict());
            assertEquals(1L, out.value.getModelVersion());
            assertEquals("pumps", out.value.getModelGroup());
            assertTrue(out.value.getScore() < 1e-3, "score " + out.value.getScore());
            assertEquals(Map.of(), out.value.getExpected(), "per-feature detail only on anomalous readings");
            assertEquals(Map.of(), out.value.getFeatureErrors());
            assertTrue(h.dlq.isEmpty());
        }
    }

    @Test
    void withAllFeatureDetailANormalReadingCarriesItsErrorsAndExpectedValues() {
        try (var h = harness(Map.of(DetectorConfig.SCORED_FEATURE_DETAIL, "all"))) {
            h.normal("pump-7", 1);
            ScoredReading out = h.scored.readValue();
            assertEquals(Verdict.NORMAL, out.getVerdict());
            assertEquals(TestBundles.FEATURES.size(), out.getExpected().size());
            assertEquals(out.getExpected().keySet(), out.getFeatureErrors().keySet());
        }
    }

    @Test
    void withNoFeatureDetailEvenAnAnomalousReadingCarriesNone() {
        try (var h = harness(Map.of(DetectorConfig.SCORED_FEATURE_DETAIL, "none"))) {
            h.spike("pump-7", 1, 5);
            ScoredReading out = h.scored.readValue();
            assertEquals(Verdict.ANOMALOUS, out.getVerdict());
            assertEquals(Map.of(), out.getFeatureErrors());
            assertEquals(Map.of(), out.getExpected());
        }
    }

    @Test
    void anAvroSingleObjectReadingIsScored() {
        try (var h = harness(Map.of())) {
            pipeAvro(h, "pump-8", levelReading("pump-8").build());
            ScoredReading out = h.scored.readValue();
            assertEquals("pump-8", out.getReading().getEntity());
            assertEquals(Verdict.NORMAL, out.getVerdict());
        }
    }

    @Test
    void anAvroReadingWithoutEntityLeavesWithTheKeyAsEntity() {
        try (var h = harness(Map.of())) {
            var reading = levelReading("").setId("r-1").build();
            pipeAvro(h, "pump-9", reading);
            SensorReading out = h.scored.readValue().getReading();
            reading.setEntity("pump-9");
            assertEquals(reading, out);
        }
    }

    @Test
    void anAvroReadingLeavesAsItCameInBothTheWarmingUpAndTheScoredRecord() {
        var windowOfThree = TestBundles.linear("pumps", 1, TestBundles.FEATURES, 3);
        try (var h = new DetectorHarness(Map.of(), windowOfThree, stateDir)) {
            for (int second = 0; second < 3; second++) {
                var reading = SensorReading.newBuilder()
                        .setEntity("pump-8")
                        .setTimestamp(Instant.ofEpochMilli(DetectorHarness.T0 + second * 1000L))
                        .setValues(Map.of("temp", 50.0 + second, "pressure", 50.0, "flow", 50.0))
                        .setTags(Map.of("site", "north"))
                        .setId("r-" + second)
                        .build();
                h.input.pipeInput(
                        "pump-8", DetectorHarness.READINGS.encode(reading), Instant.ofEpochMilli(DetectorHarness.T0));
                ScoredReading out = h.scored.readValue();
                assertEquals(reading, out.getReading());
                assertEquals(second < 2, out.getVerdict() == Verdict.WARMING_UP, "reading " + second);
            }
        }
    }

    @Test
    void aSpikeIsScoredAnomalousWithAPercentileOfHundred() {
        try (var h = harness(Map.of())) {
            h.spike("pump-7", 1, 5);
            ScoredReading out = h.scored.readValue();
            assertEquals(Verdict.ANOMALOUS, out.getVerdict());
            assertEquals(100.0, out.getPercentile());
            assertEquals(TestBundles.FEATURES.size(), out.getExpected().size());
            assertTrue(
                    out.getFeatureErrors().get("temp") > out.getFeatureErrors().get("flow"));
        }
    }

    @Test
    void aNullKeyTakesTheEntityFromTheValue() {
        try (var h = harness(Map.of())) {
            h.pipe(
                    null,
                    DetectorHarness.json("pump-3", DetectorHarness.T0, Map.of("temp", 50, "pressure", 50, "flow", 50)));
            assertEquals("pump-3", h.scored.readKeyValue().key);
        }
    }

    @Test
    void deadLettersCarryProvenanceAndRawBytes() {
        try (var h = harness(Map.of())) {
            h.normal("pump-1", 1);
            h.pipe("pump-1", "not json at all");
            var letter = h.dlq.readKeyValue();
            assertEquals("pump-1", letter.key);
            assertEquals(Stage.DESERIALIZE, letter.value.getStage());
            assertEquals("UNREADABLE", letter.value.getReason());
            assertEquals("vigil.readings", letter.value.getSourceTopic());
            assertEquals(1L, letter.value.getOffset());
            assertEquals(DetectorHarness.T0, letter.value.getTimestamp());
            assertEquals(
                    "not json at all",
                    StandardCharsets.UTF_8.decode(letter.value.getValue()).toString());
            assertEquals(1, h.scoredValues().size());
        }
    }

    @Test
    void readingsOfAnEntityWarmUpUntilTheWindowIsFull() {
        try (var h = new DetectorHarness(Map.of(), TestBundles.linear("pumps", 1, TestBundles.FEATURES, 3), stateDir)) {
            for (int second = 0; second < 4; second++) {
                h.normal("pump-7", second);
            }
            var verdicts =
                    h.scoredValues().stream().map(ScoredReading::getVerdict).toList();
            assertEquals(
                    java.util.List.of(Verdict.WARMING_UP, Verdict.WARMING_UP, Verdict.NORMAL, Verdict.NORMAL),
                    verdicts);
            assertNull(h.scored.isEmpty() ? null : "more output");
        }
    }

    @Test
    void aSpikeStaysInTheWindowForWReadingsThenLeavesIt() {
        try (var h = new DetectorHarness(Map.of(), TestBundles.linear("pumps", 1, TestBundles.FEATURES, 2), stateDir)) {
            h.normal("pump-7", 0);
            h.spike("pump-7", 1, 5);
            h.normal("pump-7", 2);
            h.normal("pump-7", 3);
            var verdicts =
                    h.scoredValues().stream().map(ScoredReading::getVerdict).toList();
            assertEquals(
                    java.util.List.of(Verdict.WARMING_UP, Verdict.ANOMALOUS, Verdict.ANOMALOUS, Verdict.NORMAL),
                    verdicts);
        }
    }

    /** A reading of {@code entity} at T0 with every feature at 50. */
    private static SensorReading.Builder levelReading(String entity) {
        return SensorReading.newBuilder()
                .setEntity(entity)
                .setTimestamp(Instant.ofEpochMilli(DetectorHarness.T0))
                .setValues(Map.of("temp", 50.0, "pressure", 50.0, "flow", 50.0));
    }

    private static void pipeAvro(DetectorHarness h, String key, SensorReading reading) {
        h.input.pipeInput(key, DetectorHarness.READINGS.encode(reading), Instant.ofEpochMilli(DetectorHarness.T0));
    }
}
