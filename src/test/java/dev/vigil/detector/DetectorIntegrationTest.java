package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.KafkaBroker;
import dev.vigil.testkit.TestBundles;
import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingData;
import dev.vigil.trainer.TrainingParams;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detector on a real in-process KRaft broker under exactly-once, scoring bundles trained by the
 * real trainer on generated normal data: 10,000 readings with injected
 * anomalies, a restart in the middle with the local state wiped (the scoring buffer comes back from
 * its changelog) and a new model published mid-stream. Every reading comes out exactly once on the
 * scored topic (read committed), the injected anomalies open alerts, and the version changes once per
 * partition.
 */
class DetectorIntegrationTest {
    private static final int ENTITIES = 20;
    private static final int STEPS = 500;
    private static final int READINGS = ENTITIES * STEPS;
    private static final Set<String> ANOMALOUS = Set.of("pump-3", "pump-11");
    private static final AvroCodec<SensorReading> READING = AvroCodec.of(SensorReading.class);
    private static final AvroCodec<ScoredReading> SCORED = AvroCodec.of(ScoredReading.class);
    private static final AvroCodec<AnomalyAlert> ALERT = AvroCodec.of(AnomalyAlert.class);

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker()
            .withTopic("vigil.readings", 3)
            .withTopic("vigil.scored", 3)
            .withTopic("vigil.alerts", 3)
            .withTopic("vigil.dlq", 3)
            .withTopic("vigil.models", 1);

    @TempDir
    Path dir;

    @Test
    void everyReadingIsScoredExactlyOnceAcrossARestartAndASwap() throws Exception {
        Path state = dir.resolve("state");
        DetectorConfig config = config(state);
        try (var producer = producer()) {
            publish(producer, trained(1));
            Detector first = Detector.start(config, DetectorEvents.NOOP);
            produce(producer, 0, STEPS / 2);
            awaitScored(READINGS / 4);
            first.close();
            Utils.delete(state.toFile());
            try (Detector second = Detector.start(config, DetectorEvents.NOOP)) {
                publish(producer, trained(2));
                produce(producer, STEPS / 2, STEPS);
                List<ConsumerRecord<String, byte[]>> scored = awaitScored(READINGS);
                assertExactlyOnce(scored);
                assertVersionChangesOncePerPartition(scored);
                assertAlertsFor(ANOMALOUS);
            }
        }
    }

    /** A bundle the real trainer learns from normal readings of the same generator. */
    private static ModelBundle trained(long version) {
        Random random = new Random(100 + version);
        List<double[][]> sequences = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
            double[][] rows = new double[STEPS][];
            for (int step = 0; step < STEPS; step++) {
                var values = reading("pump-" + e, step, false, random).getValues();
                rows[step] =
                        TestBundles.FEATURES.stream().mapToDouble(values::get).toArray();
            }
            sequences.add(rows);
        }
        TrainerConfig config = TrainerConfig.defaults()
                .withSeed(version)
                .withTraining(TrainingParams.defaults()
                        .withEpochs(30)
                        .withBatchSize(64)
                        .withLearningRate(0.01));
        return new ModelTrainer().train(TrainingData.of(TestBundles.FEATURES, sequences), config, "pumps", version);
    }

    private DetectorConfig config(Path state) {
        Map<String, Object> values = new HashMap<>();
        values.put(DetectorConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        values.put(DetectorConfig.APPLICATION_ID, "detector-it");
        values.put(DetectorConfig.MODEL_TRUST, "any"); // unsigned TestBundles
        values.put(DetectorConfig.STATE_DIR, state.toString());
        values.put(DetectorConfig.SCORING_BATCH_SIZE, 128);
        values.put(DetectorConfig.PUNCTUATION_INTERVAL_MS, 200L);
        values.put(DetectorConfig.ALERT_COOLDOWN_MS, 3_600_000L);
        values.put("kafka.num.standby.replicas", "0");
        return new DetectorConfig(values);
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KAFKA.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static void publish(KafkaProducer<String, byte[]> producer, ModelBundle bundle) throws Exception {
        producer.send(new ProducerRecord<>("vigil.models", bundle.getGroup(), BundleFiles.encode(bundle)))
                .get();
    }

    private static void produce(KafkaProducer<String, byte[]> producer, int fromStep, int toStep) throws Exception {
        Random random = new Random(fromStep);
        for (int step = fromStep; step < toStep; step++) {
            for (int e = 0; e < ENTITIES; e++) {
                String entity = "pump-" + e;
                boolean spike = ANOMALOUS.contains(entity) && step >= 100 && step < 110;
                producer.send(new ProducerRecord<>(
                        "vigil.readings", entity, READING.encode(reading(entity, step, spike, random))));
            }
        }
        producer.flush();
    }

    private static SensorReading reading(String entity, int step, boolean spike, Random random) {
        double latent = Math.sin(step / 10.0);
        Map<String, Double> values = new HashMap<>();
        for (String feature : TestBundles.FEATURES) {
            values.put(feature, TestBundles.normal(latent + 0.02 * random.nextGaussian()));
        }
        if (spike) {
            values.put("temp", values.get("temp") + 60);
        }
        return SensorReading.newBuilder()
                .setEntity(entity)
                .setTimestamp(Instant.ofEpochMilli(DetectorHarness.T0 + step * 1000L))
                .setValues(values)
                .setId(entity + "#" + step)
                .build();
    }

    private static KafkaConsumer<String, byte[]> consumer(String topic) {
        var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KAFKA.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-" + topic + "-" + System.nanoTime()),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static List<ConsumerRecord<String, byte[]>> awaitScored(int expected) {
        return readUntil("vigil.scored", records -> records.size() >= expected, Duration.ofSeconds(60));
    }

    private static List<ConsumerRecord<String, byte[]>> readUntil(
            String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = consumer(topic)) {
            Await.upTo(timeout)
                    .stepping(() -> consumer.poll(Duration.ofMillis(200)).forEach(records::add))
                    .holds(() -> done.test(records));
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    private static ScoredReading scored(ConsumerRecord<String, byte[]> record) {
        try {
            return SCORED.decode(record.value());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertExactlyOnce(List<ConsumerRecord<String, byte[]>> records) {
        List<String> ids =
                records.stream().map(r -> scored(r).getReading().getId()).toList();
        assertEquals(READINGS, ids.size(), "one scored record per reading");
        assertEquals(READINGS, Set.copyOf(ids).size(), "no reading scored twice");
    }

    private static void assertVersionChangesOncePerPartition(List<ConsumerRecord<String, byte[]>> records) {
        Map<Integer, List<Long>> versions = records.stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::partition,
                        Collectors.mapping(r -> scored(r).getModelVersion(), Collectors.toList())));
        versions.forEach((partition, list) -> {
            int firstNew = list.indexOf(2L);
            assertTrue(firstNew >= 0, "partition " + partition + " switched to version 2");
            assertTrue(list.subList(0, firstNew).stream().allMatch(v -> v == 1L));
            assertTrue(
                    list.subList(firstNew, list.size()).stream().allMatch(v -> v == 2L),
                    "partition " + partition + " never goes back to version 1");
        });
        assertTrue(versions.values().stream().anyMatch(list -> list.get(0) == 1L), "version 1 scored before the swap");
    }

    private static void assertAlertsFor(Set<String> entities) {
        var alerts = readUntil("vigil.alerts", r -> r.size() >= entities.size(), Duration.ofSeconds(20)).stream()
                .map(r -> {
                    try {
                        return ALERT.decode(r.value());
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                })
                .filter(a -> a.getEvent() == AlertEvent.OPENED)
                .map(AnomalyAlert::getEntity)
                .collect(Collectors.toSet());
        assertTrue(alerts.containsAll(entities), "the injected anomalies open alerts: " + alerts);
        assertTrue(alerts.size() <= entities.size() + 2, "few false alerts among 18 normal entities: " + alerts);
    }
}
