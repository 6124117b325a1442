package dev.vigil.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.BundleVerifier;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.models.BundleValidator;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ModelsFollower;
import dev.vigil.detector.models.SignatureTrust;
import dev.vigil.ops.EmbeddedKafka;
import dev.vigil.testkit.Await;
import dev.vigil.trainer.publish.BundleHistory;
import dev.vigil.trainer.publish.ModelTopics;
import dev.vigil.trainer.service.GateDecision;
import dev.vigil.trainer.service.ModelTrainerCandidates;
import dev.vigil.trainer.service.TrainerEvents;
import dev.vigil.trainer.service.TrainerService;
import dev.vigil.trainer.service.TrainerServiceConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop on a real broker: the trainer bootstraps v1 from vigil.readings, the detector
 * serves it, the trainer collects the detector's scored records, retrains on schedule with the real
 * ModelTrainer, gates, signs and publishes v2, and the detector swaps to it while scoring.
 */
class TrainerServiceIntegrationTest {
    private static final AvroCodec<SensorReading> READINGS = AvroCodec.of(SensorReading.class);
    private static final AvroCodec<ScoredReading> SCORED = AvroCodec.of(ScoredReading.class);
    private static final List<String> FEATURES = List.of("temp", "pressure", "flow");

    @TempDir
    Path dir;

    @Test
    void theTrainerBootstrapsThenRetrainsFromScoredRecordsAndTheDetectorSwapsToTheNewVersion() throws Exception {
        SigningKeys.writePair(SigningKeys.generate(), dir);
        var verifier = BundleVerifier.trusting(SigningKeys.readPublicKeys(dir.resolve(SigningKeys.PUBLIC_FILE)));
        List<String> events = new CopyOnWriteArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            for (String topic : List.of("vigil.readings", "vigil.scored", "vigil.alerts")) {
                kafka.createTopic(topic, 2);
            }
            kafka.createTopic("vigil.dlq", 1);
            Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
            var producer = new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer());
            Random random = new Random(3);
            produce(producer, random, 1500, 0);
            TrainerServiceConfig config = trainerConfig(kafka);
            BundleHistory history = new BundleHistory(client, ModelTopics.DEFAULT);
            try (TrainerService trainer = new TrainerService(
                    config, ModelTrainerCandidates.from(config), recording(events), Clock.systemUTC())) {
                Thread thread = new Thread(trainer, "trainer");
                thread.start();
                await(() -> history.current("g").isPresent(), "the bootstrap model v1");
                var validator = new BundleValidator(SignatureTrust.of(verifier), Set.copyOf(FEATURES), 1e-3);
                try (ModelHolder holder = new ModelHolder(validator, DetectorEvents.NOOP);
                        ModelsFollower follower =
                                new ModelsFollower(client, "vigil.models", "g", holder::offer).start()) {
                    assertTrue(follower.awaitInitialLoad(Duration.ofSeconds(30)));
                    assertEquals(1L, holder.current().orElseThrow().version());
                    try (KafkaStreams detector = LoopDetector.of(kafka, holder, "trainer-loop-test", dir);
                            ScoredReader scored = new ScoredReader(kafka.bootstrapServers(), "vigil.scored")) {
                        detector.start();
                        scored.start();
                        for (int batch = 0;
                                batch < 60 && holder.current().orElseThrow().version() < 2;
                                batch++) {
                            produce(producer, random, 100, 1500 + batch * 100);
                            Thread.sleep(250);
                        }
                        await(() -> holder.current().orElseThrow().version() == 2L, "the detector serving v2");
                        produce(producer, random, 200, 99_000);
                        var records = scored.awaitAtLeast(1, Duration.ofSeconds(1));
                        assertTrue(records.stream().anyMatch(r -> version(r.value()) == 2L), "records scored by v2");
                    }
                }
                trainer.close();
                thread.join(10_000);
            }
            producer.close();
            List<ModelBundle> published = history.versions("g");
            assertEquals(
                    List.of(1L, 2L),
                    published.stream().map(ModelBundle::getVersion).limit(2).toList(),
                    "v1 from bootstrap, then v2 from scored records (a scheduled v3 may follow)");
            published.forEach(
                    b -> assertTrue(verifier.test(b), verifier.check(b).message()));
            assertTrue(events.containsAll(List.of("published 1", "gate accepted", "published 2")), events.toString());
        }
    }

    private TrainerServiceConfig trainerConfig(EmbeddedKafka kafka) {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", kafka.bootstrapServers());
        values.put("model.group", "g");
        values.put("features", String.join(",", FEATURES));
        values.put("signing.key", dir.resolve(SigningKeys.PRIVATE_FILE).toString());
        values.put("train.interval", "4s");
        values.put("train.min.gap", "1s");
        values.put("train.min.records", "600");
        values.put("train.epochs", "15");
        values.put("gate.min.windows", "50");
        values.put("gate.error.tolerance", "0.5");
        values.put("gate.false.alarm.budget", "0.05");
        values.put("drift.window", "200");
        // this detector has no shadow stage (ShadowPromotionIntegrationTest covers it): v2 goes live at once
        values.put("gate.shadow.min.readings", "0");
        return new TrainerServiceConfig(values);
    }

    private static void produce(KafkaProducer<String, byte[]> producer, Random random, int count, int first) {
        long now = System.currentTimeMillis();
        for (int i = 0; i < count; i++) {
            String entity = "pump-" + ((first + i) % 6);
            double t = Math.sin((first + i) / 30.0) + random.nextGaussian();
            SensorReading reading = SensorReading.newBuilder()
                    .setEntity(entity)
                    .setTimestamp(Instant.ofEpochMilli(now - count + i))
                    .setValues(Map.of(
                            "temp", 20 + t,
                            "pressure", 1 + 0.1 * t + 0.005 * random.nextGaussian(),
                            "flow", 5 - 0.5 * t + 0.02 * random.nextGaussian()))
                    .setId("r" + (first + i))
                    .build();
            producer.send(new ProducerRecord<>("vigil.readings", entity, READINGS.encode(reading)));
        }
        producer.flush();
    }

    private static long version(byte[] value) {
        try {
            Long version = SCORED.decode(value).getModelVersion();
            return version == null ? -1 : version;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.upTo(Duration.ofSeconds(45)).until(condition, () -> "timed out waiting for " + what);
    }

    private static TrainerEvents recording(List<String> events) {
        return new TrainerEvents() {
            @Override
            public void gateDecided(String variant, GateDecision decision) {
                events.add(decision.accepted() ? "gate accepted" : "gate refused: " + decision.reason());
            }

            @Override
            public void published(ModelBundle bundle) {
                events.add("published " + bundle.getVersion());
            }

            @Override
            public void trainingFailed(String reason) {
                events.add("failed: " + reason);
            }
        };
    }
}
