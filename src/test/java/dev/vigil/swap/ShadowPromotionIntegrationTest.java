package dev.vigil.swap;

import static dev.vigil.swap.LiveStagesRig.GROUP;
import static dev.vigil.swap.LiveStagesRig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ShadowVerdict;
import dev.vigil.detector.Detector;
import dev.vigil.trainer.service.ShadowGate;
import dev.vigil.trainer.service.ShadowTally;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shadow, then promotion, on a real broker: the trainer bootstraps v1, retrains, and publishes the
 * offline-accepted v2 as shadow; the detector scores live traffic with it beside v1; the live model
 * stays v1 while fewer than gate.shadow.min.readings live readings were shadow-scored, and becomes
 * v2 once they were.
 */
class ShadowPromotionIntegrationTest {
    private static final int MIN_READINGS = 1000;
    private static final AvroCodec<ShadowVerdict> VERDICTS = AvroCodec.of(ShadowVerdict.class);

    @TempDir
    Path dir;

    @Test
    void aShadowCandidateIsScoredLiveAndPromotedOnlyAfterTheMinimumOfLiveReadings() throws Exception {
        try (LiveStagesRig rig = new LiveStagesRig(dir)) {
            rig.produce(1500, 0);
            rig.startTrainer(Map.of(
                    "train.interval", "4s",
                    "train.min.gap", "1s",
                    "gate.shadow.min.readings", Integer.toString(MIN_READINGS),
                    "rollback.window", "0"));
            Detector detector = rig.startDetector();
            for (int batch = 0; batch < 120 && rig.shadowPublished.isEmpty(); batch++) {
                rig.produce(50, 0);
                Thread.sleep(250);
            }
            await(() -> !rig.shadowPublished.isEmpty(), "a shadow candidate", Duration.ofSeconds(60));
            ModelBundle candidate = rig.shadowPublished.get(0);
            assertEquals(2L, candidate.getVersion());
            assertTrue(rig.verifier.test(candidate), "the shadow bundle is signed like a live one");
            await(
                    () -> detector.shadows().current(GROUP).isPresent(),
                    "the detector scoring the shadow",
                    Duration.ofSeconds(30));

            rig.produce(MIN_READINGS / 2, 0);
            await(() -> counted(rig) > 0, "shadow counts reaching the trainer", Duration.ofSeconds(30));
            Thread.sleep(2000);
            assertTrue(counted(rig) < MIN_READINGS, "counted " + counted(rig));
            assertEquals(List.of(), rig.shadowDecisions, "no decision before the minimum");
            assertEquals(1L, rig.history.current(GROUP).orElseThrow().getVersion(), "v1 stays live meanwhile");
            assertEquals(1L, rig.liveVersion());

            rig.produce(MIN_READINGS, 0);
            await(() -> !rig.shadowDecisions.isEmpty(), "the shadow decision", Duration.ofSeconds(60));
            ShadowGate.Decision decision = rig.shadowDecisions.get(0);
            assertEquals(ShadowGate.Outcome.PROMOTE, decision.outcome(), decision.reason());
            assertTrue(decision.tally().readings() >= MIN_READINGS, decision.reason());
            await(() -> rig.history.current(GROUP).orElseThrow().getVersion() == 2L, "v2 live", Duration.ofSeconds(30));
            await(() -> rig.liveVersion() == 2L, "the detector serving v2", Duration.ofSeconds(30));
            assertTrue(rig.verifier.test(rig.history.current(GROUP).orElseThrow()));
            assertShadowVerdictsCompareBothModels(rig);
        }
    }

    /** Live readings the trainer counted for the shadow candidate so far. */
    private static long counted(LiveStagesRig rig) {
        List<ShadowTally> progress = rig.shadowProgress;
        return progress.isEmpty() ? 0 : progress.get(progress.size() - 1).readings();
    }

    private static void assertShadowVerdictsCompareBothModels(LiveStagesRig rig) throws Exception {
        try (ScoredReader shadow = new ScoredReader(rig.kafka.bootstrapServers(), "vigil.shadow")) {
            shadow.start();
            List<ConsumerRecord<String, byte[]>> records = shadow.awaitAtLeast(MIN_READINGS, Duration.ofSeconds(30));
            long v2BesideV1 = 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                ShadowVerdict verdict = VERDICTS.decode(record.value());
                assertTrue(verdict.getShadowVersion() > verdict.getLiveVersion(), verdict.toString());
                assertEquals(verdict.getEntity(), record.key());
                v2BesideV1 += verdict.getShadowVersion() == 2L && verdict.getLiveVersion() == 1L ? 1 : 0;
            }
            assertTrue(v2BesideV1 >= MIN_READINGS, v2BesideV1 + " readings scored by v2 beside v1");
        }
    }
}
