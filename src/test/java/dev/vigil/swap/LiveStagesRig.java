package dev.vigil.swap;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.BundleVerifier;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.Detector;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.ops.EmbeddedKafka;
import dev.vigil.testkit.Await;
import dev.vigil.trainer.publish.BundleHistory;
import dev.vigil.trainer.publish.ModelTopics;
import dev.vigil.trainer.service.GateDecision;
import dev.vigil.trainer.service.ModelTrainerCandidates;
import dev.vigil.trainer.service.RollbackRule;
import dev.vigil.trainer.service.ShadowGate;
import dev.vigil.trainer.service.ShadowTally;
import dev.vigil.trainer.service.TrainerEvents;
import dev.vigil.trainer.service.TrainerService;
import dev.vigil.trainer.service.TrainerServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The live loop on a real in-process broker for the shadow and rollback tests: signing keys, the
 * real trainer service (bootstrapping v1 from vigil.readings, signing everything) on a thread, the
 * real detector ({@link Detector#start}: models topic, shadow topic, exactly-once) once v1 is out,
 * a seeded pump-like reading generator with a unique id per reading, and a log of what the
 * trainer reported about its live stages.
 */
final class LiveStagesRig implements AutoCloseable {
    static final String GROUP = "g";
    static final List<String> FEATURES = List.of("temp", "pressure", "flow");
    private static final AvroCodec<SensorReading> READINGS = AvroCodec.of(SensorReading.class);

    final EmbeddedKafka kafka;
    final Path dir;
    final BundleHistory history;
    final BundleVerifier verifier;
    final List<ShadowGate.Decision> shadowDecisions = new CopyOnWriteArrayList<>();
    final List<ShadowTally> shadowProgress = new CopyOnWriteArrayList<>();
    final List<ModelBundle> shadowPublished = new CopyOnWriteArrayList<>();
    final List<ModelBundle> rollbacks = new CopyOnWriteArrayList<>();
    final List<String> gate = new CopyOnWriteArrayList<>();
    private final KafkaProducer<String, byte[]> producer;
    private final Random random = new Random(11);
    private TrainerService trainer;
    private Thread trainerThread;
    private Detector detector;
    private int produced;

    LiveStagesRig(Path dir) throws Exception {
        this.dir = dir;
        SigningKeys.writePair(SigningKeys.generate(), dir);
        this.verifier = BundleVerifier.trusting(SigningKeys.readPublicKeys(dir.resolve(SigningKeys.PUBLIC_FILE)));
        this.kafka = EmbeddedKafka.start();
        for (String topic : List.of("vigil.readings", "vigil.scored", "vigil.alerts")) {
            kafka.createTopic(topic, 2);
        }
        kafka.createTopic("vigil.dlq", 1);
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        this.history = new BundleHistory(client, ModelTopics.DEFAULT);
        this.producer = new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer());
    }

    /** Starts the trainer with {@code overrides} on top of a fast test configuration. */
    void startTrainer(Map<String, String> overrides) throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", kafka.bootstrapServers());
        values.put("model.group", GROUP);
        values.put("features", String.join(",", FEATURES));
        values.put("signing.key", dir.resolve(SigningKeys.PRIVATE_FILE).toString());
        values.put("train.min.records", "600");
        values.put("train.epochs", "15");
        values.put("train.variants", "undercomplete");
        values.put("gate.min.windows", "50");
        values.put("gate.error.tolerance", "0.5");
        values.put("gate.false.alarm.budget", "0.05");
        values.put("drift.window", "200");
        values.putAll(overrides);
        TrainerServiceConfig config = new TrainerServiceConfig(values);
        trainer = new TrainerService(config, ModelTrainerCandidates.from(config), recording(), Clock.systemUTC());
        trainerThread = new Thread(trainer, "trainer");
        trainerThread.start();
    }

    /** Starts the detector once a live model exists (exactly-once, signed bundles only). */
    Detector startDetector() throws Exception {
        await(() -> history.current(GROUP).isPresent(), "the bootstrap model v1", Duration.ofSeconds(90));
        Map<String, Object> values = new HashMap<>();
        values.put(DetectorConfig.APPLICATION_ID, "live-stages-test");
        values.put(DetectorConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        values.put(DetectorConfig.COMMIT_INTERVAL_MS, 100);
        values.put(DetectorConfig.SCORING_BATCH_SIZE, 32);
        values.put(DetectorConfig.MODEL_GROUP, GROUP);
        values.put(
                DetectorConfig.MODEL_TRUSTED_KEYS,
                dir.resolve(SigningKeys.PUBLIC_FILE).toString());
        values.put(DetectorConfig.SHADOW_OUTPUT_ENABLED, true);
        values.put(
                DetectorConfig.STATE_DIR,
                Files.createDirectories(dir.resolve("state")).toString());
        detector = Detector.start(new DetectorConfig(values), DetectorEvents.NOOP);
        return detector;
    }

    /** Produces {@code count} readings, each with a unique id; {@code shift} moves every feature's level. */
    void produce(int count, double shift) {
        long now = System.currentTimeMillis();
        for (int i = 0; i < count; i++) {
            int n = produced++;
            String entity = "pump-" + (n % 6);
            SensorReading reading = SensorReading.newBuilder()
                    .setEntity(entity)
                    .setTimestamp(Instant.ofEpochMilli(now - count + i))
                    .setValues(values(n, shift))
                    .setId("r" + n)
                    .build();
            producer.send(new ProducerRecord<>("vigil.readings", entity, READINGS.encode(reading)));
        }
        producer.flush();
    }

    /** Readings produced so far. */
    int produced() {
        return produced;
    }

    /** The feature values of reading {@code n}, all levels moved by {@code shift} (in units of their spread). */
    Map<String, Double> values(int n, double shift) {
        double t = Math.sin(n / 30.0) + random.nextGaussian();
        return Map.of(
                "temp", 20 + t + shift,
                "pressure", 1 + 0.1 * t + 0.005 * random.nextGaussian() + 0.1 * shift,
                "flow", 5 - 0.5 * t + 0.02 * random.nextGaussian() - 0.5 * shift);
    }

    /** The version the detector serves now. */
    long liveVersion() {
        return detector.models().current().orElseThrow().version();
    }

    static void await(BooleanSupplier condition, String what, Duration timeout) throws InterruptedException {
        Await.upTo(timeout).until(condition, () -> "timed out waiting for " + what);
    }

    private TrainerEvents recording() {
        return new TrainerEvents() {
            @Override
            public void gateDecided(String variant, GateDecision decision) {
                gate.add(decision.accepted() ? "accepted" : "refused: " + decision.reason());
            }

            @Override
            public void shadowPublished(ModelBundle bundle) {
                shadowPublished.add(bundle);
            }

            @Override
            public void shadowProgress(long version, ShadowTally tally) {
                shadowProgress.add(tally);
            }

            @Override
            public void shadowDecided(long version, ShadowGate.Decision decision) {
                shadowDecisions.add(decision);
            }

            @Override
            public void rolledBack(long from, ModelBundle republished, RollbackRule.Decision decision) {
                rollbacks.add(republished);
            }
        };
    }

    @Override
    public void close() throws Exception {
        if (detector != null) {
            detector.close();
        }
        if (trainer != null) {
            trainer.close();
            trainerThread.join(20_000);
        }
        producer.close();
        kafka.close();
    }
}
