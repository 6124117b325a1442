package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.ShadowStats;
import dev.vigil.contract.avro.ShadowVerdict;
import dev.vigil.contract.avro.Thresholds;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.config.DetectorInputs;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.models.BundleTrust;
import dev.vigil.detector.models.BundleValidator;
import dev.vigil.detector.models.GroupModels;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ShadowModels;
import dev.vigil.detector.topology.InputRouting;
import dev.vigil.testkit.TestBundles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live shadow scoring in the topology: a shadow candidate that calls every reading anomalous is
 * scored beside a live model that calls them normal. Its verdicts reach the shadow topics, and
 * never the alerts topic or the scored records.
 */
class ShadowTopologyTest {
    private static final int READINGS = 40;
    private static final int BATCH = 8;

    @TempDir
    Path stateDir;

    /** The live linear model as version 2 with a threshold every reading exceeds. */
    private static ModelBundle alarmist() {
        ModelBundle bundle = TestBundles.linear(2);
        bundle.setThresholds(new Thresholds(-1.0, -1.0, "test: every score is above it"));
        return bundle;
    }

    private record Rig(DetectorHarness harness, ShadowModels shadows) implements AutoCloseable {
        @Override
        public void close() {
            harness.close();
            shadows.close();
        }
    }

    private Rig rig(boolean output) {
        Map<String, Object> values = new HashMap<>();
        values.put(DetectorConfig.SCORING_BATCH_SIZE, BATCH);
        values.put(DetectorConfig.SHADOW_OUTPUT_ENABLED, output);
        values.put(DetectorConfig.ALERT_K, 1);
        values.put(DetectorConfig.ALERT_N, 1);
        DetectorConfig config = DetectorHarness.config(values, stateDir);
        GroupModels live = GroupModels.single("", DetectorHarness.holderWith(config, TestBundles.linear(1)));
        var validator = new BundleValidator(BundleTrust.TRUST_ALL, DetectorInputs.availableFeatures(config), 1e-3);
        ShadowModels shadows = ShadowModels.of(live, events -> new ModelHolder(validator, events), DetectorEvents.NOOP);
        assertTrue(shadows.offer(alarmist()), "the shadow candidate validates");
        var harness = new DetectorHarness(
                config, live, shadows, InputRouting.of(config, InputRouting.UNKNOWN), DetectorEvents.NOOP);
        return new Rig(harness, shadows);
    }

    @Test
    void shadowVerdictsReachTheShadowTopicsAndNeverTheAlerts() throws InterruptedException {
        try (Rig rig = rig(true)) {
            DetectorHarness h = rig.harness();
            TestOutputTopic<String, ShadowStats> stats = h.output(DetectorConfig.SHADOW_STATS_TOPIC, ShadowStats.class);
            TestOutputTopic<String, ShadowVerdict> verdicts =
                    h.output(DetectorConfig.SHADOW_TOPIC, ShadowVerdict.class);
            List<ShadowStats> batches = pipeAndCollect(h, stats);

            assertEquals(
                    READINGS,
                    batches.stream().mapToLong(ShadowStats::getReadings).sum(),
                    batches.toString());
            assertEquals(
                    READINGS,
                    batches.stream().mapToLong(ShadowStats::getShadowAnomalous).sum());
            assertEquals(
                    0, batches.stream().mapToLong(ShadowStats::getLiveAnomalous).sum());
            batches.forEach(b -> assertEquals(2L, b.getShadowVersion()));
            batches.forEach(b -> assertEquals(1L, b.getLiveVersion()));
            List<ShadowVerdict> perReading = verdicts.readValuesToList();
            assertEquals(READINGS, perReading.size());
            assertTrue(perReading.stream().allMatch(v -> v.getShadowAnomalous() && !v.getLiveAnomalous()));
            List<ScoredReading> scored = h.scoredValues();
            assertEquals(READINGS, scored.size());
            assertTrue(scored.stream().allMatch(r -> r.getVerdict() == Verdict.NORMAL && r.getModelVersion() == 1L));
            assertTrue(h.alerts.isEmpty(), "a shadow verdict never opens an alert");
        }
    }

    @Test
    void withoutShadowOutputOnlyTheCountsAreWritten() throws InterruptedException {
        try (Rig rig = rig(false)) {
            DetectorHarness h = rig.harness();
            TestOutputTopic<String, ShadowStats> stats = h.output(DetectorConfig.SHADOW_STATS_TOPIC, ShadowStats.class);
            List<ShadowStats> batches = pipeAndCollect(h, stats);
            assertEquals(
                    READINGS,
                    batches.stream().mapToLong(ShadowStats::getReadings).sum());
            assertFalse(h.driver.producedTopicNames().contains(h.config.getString(DetectorConfig.SHADOW_TOPIC)));
            assertTrue(h.alerts.isEmpty());
        }
    }

    @Test
    void aCandidateNoNewerThanTheLiveModelIsNotShadowScored() {
        try (Rig rig = rig(false)) {
            assertFalse(rig.shadows().offer(TestBundles.linear(1)), "same version as live");
            ModelBundle fewerFeatures = TestBundles.linear("pumps", 3, List.of("temp", "pressure"), 1);
            assertFalse(rig.shadows().offer(fewerFeatures), "another layout");
            assertEquals(2L, rig.shadows().current("").orElseThrow().version());
        }
    }

    /**
     * Pipes the readings a batch at a time, each time letting wall-clock punctuations forward the
     * batch the background thread scored before the next is piped.
     */
    private static List<ShadowStats> pipeAndCollect(DetectorHarness h, TestOutputTopic<String, ShadowStats> stats)
            throws InterruptedException {
        List<ShadowStats> batches = new ArrayList<>();
        for (int second = 0; second < READINGS; second++) {
            h.normal("pump-" + (second % 4), second);
            if ((second + 1) % BATCH == 0) {
                awaitCounted(h, stats, batches, second + 1);
            }
        }
        return batches;
    }

    private static void awaitCounted(
            DetectorHarness h, TestOutputTopic<String, ShadowStats> stats, List<ShadowStats> batches, long readings)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (batches.stream().mapToLong(ShadowStats::getReadings).sum() < readings && System.nanoTime() < deadline) {
            Thread.sleep(20);
            h.tick(Duration.ofMillis(100));
            batches.addAll(stats.readValuesToList());
        }
    }
}
