package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.testkit.TestBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EVT thresholds through the real topology: SPOT and its drift variant DSPOT, and their re-basing on a swap. */
class EvtThresholdTest {
    private static final Map<String, Object> DSPOT =
            Map.of(DetectorConfig.THRESHOLD_MODE, "evt", DetectorConfig.EVT_DRIFT, true, DetectorConfig.EVT_RISK, 1e-3);
    private static final int CALM = 100, RAMP = 900, SETTLED = 300;

    @TempDir
    Path stateDir;

    /** Normal readings whose temperature offset climbs over 900 readings to 6 units and stays (a normal level shift). */
    private static void shiftingNormal(DetectorHarness h, int from) {
        Random noise = new Random(3);
        for (int i = 0; i < CALM + RAMP + SETTLED; i++) {
            double offset = 6.0 * Math.min(1, Math.max(0, i - CALM) / (double) RAMP);
            double v = TestBundles.normal(Math.sin(i));
            h.json("pump", from + i, Map.of("temp", v + offset + 0.1 * noise.nextGaussian(), "pressure", v, "flow", v));
        }
    }

    private static long anomalousAmongTheLast(List<ScoredReading> out, int n) {
        return out.subList(out.size() - n, out.size()).stream()
                .filter(r -> r.getVerdict() == Verdict.ANOMALOUS)
                .count();
    }

    @Test
    void aGradualLevelShiftInNormalDataIsFollowedByDspotWhileASpikeStillAlerts() {
        try (var h = new DetectorHarness(DSPOT, TestBundles.linear(1), stateDir)) {
            shiftingNormal(h, 0);
            List<ScoredReading> shifted = h.scoredValues();
            assertEquals(0, anomalousAmongTheLast(shifted, SETTLED), "settled at the new level: no alarms");
            h.alerts.readValuesToList();
            for (int i = 0; i < 5; i++) {
                h.spike("pump", CALM + RAMP + SETTLED + i, 1.0);
            }
            List<AnomalyAlert> alerts = h.alerts.readValuesToList();
            assertTrue(alerts.stream().anyMatch(a -> a.getEvent() == AlertEvent.OPENED), "the spike opens an alert");
        }
    }

    @Test
    void theSameShiftKeepsTheGlobalThresholdAlarming() {
        try (var h =
                new DetectorHarness(Map.of(DetectorConfig.THRESHOLD_MODE, "global"), TestBundles.linear(1), stateDir)) {
            shiftingNormal(h, 0);
            assertEquals(SETTLED, anomalousAmongTheLast(h.scoredValues(), SETTLED));
        }
    }

    @Test
    void aSwapReBasesTheEntitysTailOnTheNewBundle() throws Exception {
        try (var h = new DetectorHarness(DSPOT, TestBundles.linear(1), stateDir)) {
            shiftingNormal(h, 0);
            double learned = last(h.scoredValues()).getThreshold();
            h.models.apply(TestBundles.linear(2));
            h.normal("pump", CALM + RAMP + SETTLED);
            ScoredReading afterSwap = last(h.scoredValues());
            assertEquals(2L, afterSwap.getModelVersion());
            try (var fresh = new DetectorHarness(DSPOT, TestBundles.linear(2), stateDir.resolve("fresh"))) {
                fresh.normal("other", 0);
                assertEquals(
                        last(fresh.scoredValues()).getThreshold(),
                        afterSwap.getThreshold(),
                        1e-12,
                        "the swapped entity starts from v2's tail, as a new entity does");
            }
            assertNotEquals(learned, afterSwap.getThreshold());
        }
    }

    @Test
    void anAnomalyThatRampsUpOpensAnAlertInsteadOfWalkingTheThresholdUp() {
        try (var h = new DetectorHarness(
                Map.of(DetectorConfig.THRESHOLD_MODE, "evt", DetectorConfig.EVT_DRIFT, false),
                TestBundles.linear(1),
                stateDir)) {
            for (int i = 0; i < 100; i++) {
                h.normal("pump", i);
            }
            double calm = last(h.scoredValues()).getThreshold();
            for (int i = 0; i < 60; i++) {
                double v = TestBundles.normal(Math.sin(i));
                h.json("pump", 100 + i, Map.of("temp", v + 0.1 * i, "pressure", v, "flow", v));
            }
            List<ScoredReading> ramp = h.scoredValues();
            assertTrue(h.alerts.readValuesToList().stream().anyMatch(a -> a.getEvent() == AlertEvent.OPENED));
            assertTrue(
                    last(ramp).getThreshold() < 2 * calm,
                    "threshold " + last(ramp).getThreshold() + " from " + calm);
        }
    }

    private static ScoredReading last(List<ScoredReading> out) {
        return out.get(out.size() - 1);
    }
}
