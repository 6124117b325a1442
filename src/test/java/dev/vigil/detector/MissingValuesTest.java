package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.testkit.TestBundles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingValuesTest {
    @TempDir
    Path stateDir;

    private DetectorHarness harness(String policy) {
        return new DetectorHarness(Map.of(DetectorConfig.MISSING_POLICY, policy), TestBundles.linear(1), stateDir);
    }

    @Test
    void rejectPolicyDeadLettersAReadingWithAMissingFeature() {
        try (var h = harness("reject")) {
            h.json("pump-1", 1, Map.of("temp", 60, "pressure", 60));
            assertEquals("MISSING_FEATURE", h.dlq.readValue().getReason());
            assertTrue(h.scored.isEmpty());
        }
    }

    @Test
    void lastPolicyFillsAGapWithTheEntitysPreviousValue() {
        try (var h = harness("last")) {
            h.json("pump-1", 1, Map.of("temp", 60, "pressure", 60, "flow", 60));
            h.json("pump-1", 2, Map.of("temp", 60, "pressure", 60));
            ScoredReading second = h.scoredValues().get(1);
            assertEquals(Verdict.NORMAL, second.getVerdict());
            assertTrue(second.getScore() < 1e-3, "flow filled with 60 keeps the reading consistent");
        }
    }

    @Test
    void lastPolicyDeadLettersAGapWithNoPreviousValue() {
        try (var h = harness("last")) {
            h.json("pump-1", 1, Map.of("temp", 60, "pressure", 60));
            assertEquals("MISSING_FEATURE", h.dlq.readValue().getReason());
        }
    }

    @Test
    void meanPolicyFillsAGapWithTheTrainingMean() {
        var meanWithDetail = Map.<String, Object>of(
                DetectorConfig.MISSING_POLICY, "mean", DetectorConfig.SCORED_FEATURE_DETAIL, "all");
        try (var h = new DetectorHarness(meanWithDetail, TestBundles.linear(1), stateDir)) {
            h.json("pump-1", 1, Map.of("temp", 50, "pressure", 50));
            ScoredReading out = h.scored.readValue();
            assertTrue(out.getScore() < 1e-3, "flow filled with the training mean 50");
            assertEquals(50.0, out.getExpected().get("flow"), 1e-3);
        }
    }
}
