package dev.vigil.swap;

import static dev.vigil.swap.LiveStagesRig.FEATURES;
import static dev.vigil.swap.LiveStagesRig.GROUP;
import static dev.vigil.swap.LiveStagesRig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.trainer.publish.BundlePublisher;
import dev.vigil.trainer.publish.ModelTopics;
import dev.vigil.trainer.service.ModelTrainerCandidates;
import dev.vigil.trainer.service.TrainerServiceConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automatic rollback on a real broker, exactly-once throughout: the trainer bootstraps v1 and the
 * detector serves it; a deliberately bad model, trained on data shifted by six spreads, is promoted
 * as v2 (published live, signed, as {@code vigil models publish} would); after rollback.window
 * readings its anomaly rate is far beyond rollback.max.ratio times v1's, so the trainer republishes
 * v1's bundle, signed, as v3. Every reading produced leaves exactly one committed scored record.
 */
class AutomaticRollbackIntegrationTest {
    private static final AvroCodec<ScoredReading> SCORED = AvroCodec.of(ScoredReading.class);
    private static final int WINDOW = 400;

    @TempDir
    Path dir;

    @Test
    void aBadPromotionIsRolledBackWithNoScoredRecordLostOrDuplicated() throws Exception {
        try (LiveStagesRig rig = new LiveStagesRig(dir)) {
            rig.produce(1500, 0);
            rig.startTrainer(Map.of(
                    "train.interval", "1h",
                    "rollback.window", Integer.toString(WINDOW),
                    "rollback.max.ratio", "3"));
            rig.startDetector();
            try (ScoredReader scored = new ScoredReader(rig.kafka.bootstrapServers(), "vigil.scored")) {
                scored.start();
                produceSlowly(rig, 1000);
                scored.awaitAtLeast(rig.produced(), Duration.ofSeconds(60));
                ModelBundle v1 = rig.history.current(GROUP).orElseThrow();

                promote(rig, badModel(rig, v1));
                await(() -> rig.liveVersion() == 2L, "the detector serving the bad v2", Duration.ofSeconds(30));
                for (int batch = 0; batch < 80 && rig.rollbacks.isEmpty(); batch++) {
                    produceSlowly(rig, 100);
                }
                await(() -> !rig.rollbacks.isEmpty(), "the automatic rollback", Duration.ofSeconds(60));
                ModelBundle back = rig.rollbacks.get(0);
                assertEquals(3L, back.getVersion());
                assertTrue(back.getRollback());
                assertEquals(v1.getSha256(), back.getSha256(), "v1's model, republished");
                assertTrue(rig.verifier.test(back), "the rollback bundle is signed");
                assertEquals(3L, rig.history.current(GROUP).orElseThrow().getVersion());
                await(() -> rig.liveVersion() == 3L, "the detector serving v3", Duration.ofSeconds(30));

                produceSlowly(rig, 500);
                List<ScoredReading> out = decode(scored.awaitAtLeast(rig.produced(), Duration.ofSeconds(90)));
                assertExactlyOncePerReading(out, rig.produced());
                assertTheBadModelFlaggedFarMore(out);
            }
        }
    }

    /** The bad model: trained by the real trainer on readings whose levels moved by six spreads. */
    private ModelBundle badModel(LiveStagesRig rig, ModelBundle v1) throws Exception {
        TrainerServiceConfig config = new TrainerServiceConfig(Map.of(
                "bootstrap.servers",
                rig.kafka.bootstrapServers(),
                "model.group",
                GROUP,
                "train.epochs",
                "15",
                "train.seed",
                "5"));
        List<double[][]> sequences = new ArrayList<>();
        for (int entity = 0; entity < 6; entity++) {
            double[][] rows = new double[300][];
            for (int i = 0; i < rows.length; i++) {
                Map<String, Double> values = rig.values(entity * 1000 + i, 6.0);
                rows[i] = FEATURES.stream().mapToDouble(values::get).toArray();
            }
            sequences.add(rows);
        }
        ModelBundle bundle = ModelTrainerCandidates.from(config)
                .train(FEATURES, v1.getWindowLength(), sequences, "undercomplete", GROUP, 2)
                .bundle();
        return BundleSigning.sign(bundle, SigningKeys.readPair(dir.resolve(SigningKeys.PRIVATE_FILE)));
    }

    private static void promote(LiveStagesRig rig, ModelBundle bundle) {
        Map<String, Object> client = Map.of("bootstrap.servers", rig.kafka.bootstrapServers());
        try (BundlePublisher publisher = new BundlePublisher(client, ModelTopics.DEFAULT, (short) 1)) {
            publisher.publish(bundle);
        }
    }

    private static void produceSlowly(LiveStagesRig rig, int count) throws InterruptedException {
        for (int sent = 0; sent < count; sent += 50) {
            rig.produce(Math.min(50, count - sent), 0);
            Thread.sleep(100);
        }
    }

    private static List<ScoredReading> decode(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        List<ScoredReading> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            out.add(SCORED.decode(record.value()));
        }
        return out;
    }

    private static void assertExactlyOncePerReading(List<ScoredReading> out, int produced) {
        Map<String, Long> perReading = out.stream()
                .collect(Collectors.groupingBy(r -> r.getReading().getId(), TreeMap::new, Collectors.counting()));
        Map<String, Long> duplicated = new TreeMap<>(perReading);
        duplicated.values().removeIf(count -> count == 1);
        assertEquals(Map.of(), duplicated, "readings scored more than once");
        assertEquals(produced, perReading.size(), "readings scored (none lost)");
        assertEquals(produced, out.size());
    }

    private static void assertTheBadModelFlaggedFarMore(List<ScoredReading> out) {
        Map<Long, List<ScoredReading>> byVersion = out.stream()
                .filter(r -> r.getVerdict() != Verdict.WARMING_UP)
                .collect(Collectors.groupingBy(ScoredReading::getModelVersion));
        assertEquals(List.of(1L, 2L, 3L), new ArrayList<>(new TreeMap<>(byVersion).keySet()));
        double bad = anomalyRate(byVersion.get(2L));
        double good = anomalyRate(byVersion.get(1L));
        assertTrue(bad > 3 * Math.max(good, 0.01), "v2 rate " + bad + " vs v1 " + good);
        assertTrue(byVersion.get(2L).size() >= WINDOW, byVersion.get(2L).size() + " readings scored by v2");
    }

    private static double anomalyRate(List<ScoredReading> records) {
        return records.stream().filter(r -> r.getVerdict() == Verdict.ANOMALOUS).count() / (double) records.size();
    }
}
