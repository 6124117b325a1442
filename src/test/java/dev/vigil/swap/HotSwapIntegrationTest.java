package dev.vigil.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.BundleVerifier;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.DetectorStreams;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.models.BundleValidator;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ModelsFollower;
import dev.vigil.detector.models.SignatureTrust;
import dev.vigil.detector.topology.DetectorTopology;
import dev.vigil.ops.EmbeddedKafka;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.TestBundles;
import dev.vigil.trainer.publish.BundlePublisher;
import dev.vigil.trainer.publish.ModelTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real broker: the real detector topology serves a steady stream while new bundles arrive on
 * the models topic: a tampered one (refused) and a valid one (swapped in). Every input yields
 * exactly one scored record, each partition switches version once, and nothing is scored by the
 * refused bundle.
 */
class HotSwapIntegrationTest {
    private static final AvroCodec<SensorReading> READINGS = AvroCodec.of(SensorReading.class);
    private static final AvroCodec<ScoredReading> SCORED = AvroCodec.of(ScoredReading.class);
    private static final int RECORDS = 6000;
    private static final int PARTITIONS = 4;
    private static final float GAIN_V1 = 0.5f;
    private static final float GAIN_V3 = 0.75f;

    @TempDir
    Path stateDir;

    @Test
    void aBundlePublishedMidStreamTakesOverAtOnePointPerPartitionAndARefusedOneNever() throws Exception {
        KeyPair signer = SigningKeys.generate();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopic("vigil.readings", PARTITIONS);
            kafka.createTopic("vigil.scored", PARTITIONS);
            kafka.createTopic("vigil.alerts", PARTITIONS);
            kafka.createTopic("vigil.dlq", 1);
            Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
            List<Long> refused = new CopyOnWriteArrayList<>();
            var validator = new BundleValidator(
                    SignatureTrust.of(BundleVerifier.trusting(List.of(signer.getPublic()))), Set.of(), 1e-4);
            try (BundlePublisher publisher = new BundlePublisher(client, ModelTopics.DEFAULT, (short) 1);
                    ModelHolder holder = new ModelHolder(validator, refusalsInto(refused))) {
                publisher.publish(BundleSigning.sign(TestBundles.gain("g", 1, GAIN_V1), signer));
                try (ModelsFollower follower =
                        new ModelsFollower(client, ModelTopics.DEFAULT.current(), "g", holder::offer).start()) {
                    assertTrue(follower.awaitInitialLoad(Duration.ofSeconds(30)));
                    assertEquals(1L, holder.current().orElseThrow().version());
                    try (KafkaStreams streams = streams(kafka, holder);
                            ScoredReader reader = new ScoredReader(kafka.bootstrapServers(), "vigil.scored")) {
                        streams.start();
                        reader.start();
                        produceWithSwaps(kafka, publisher, signer, reader, holder);
                        List<ConsumerRecord<String, byte[]>> scored =
                                reader.awaitAtLeast(RECORDS, Duration.ofSeconds(60));
                        assertExactlyOnePerInput(scored);
                        assertOneSwitchPerPartition(scored);
                    }
                }
            }
            assertEquals(List.of(2L), refused);
        }
    }

    private static DetectorEvents refusalsInto(List<Long> refused) {
        return new DetectorEvents() {
            @Override
            public void modelRefused(String group, long version, String reason, String message) {
                refused.add(version);
            }
        };
    }

    private KafkaStreams streams(EmbeddedKafka kafka, ModelHolder holder) throws Exception {
        Map<String, Object> values = new HashMap<>();
        values.put(DetectorConfig.APPLICATION_ID, "swap-test");
        values.put(DetectorConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        values.put(DetectorConfig.PROCESSING_GUARANTEE, "exactly_once_v2");
        values.put(DetectorConfig.COMMIT_INTERVAL_MS, 100);
        values.put(DetectorConfig.NUM_STREAM_THREADS, 2);
        values.put(DetectorConfig.SCORING_BATCH_SIZE, 32);
        values.put(
                DetectorConfig.STATE_DIR,
                Files.createDirectories(stateDir.resolve("state")).toString());
        DetectorConfig config = new DetectorConfig(values);
        return new KafkaStreams(
                DetectorTopology.build(config, holder, DetectorEvents.NOOP), DetectorStreams.properties(config));
    }

    /**
     * Produces a paced stream; halfway, once every partition has scored records, publishes a tampered
     * v2 and a valid v3 while records keep flowing, then waits for v3 to serve before the last quarter.
     */
    private static void produceWithSwaps(
            EmbeddedKafka kafka, BundlePublisher publisher, KeyPair signer, ScoredReader reader, ModelHolder holder)
            throws InterruptedException {
        Random random = new Random(42);
        long start = System.currentTimeMillis() - RECORDS;
        Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers(), "linger.ms", 5);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                String entity = "pump-" + (i % 24);
                SensorReading reading = SensorReading.newBuilder()
                        .setEntity(entity)
                        .setTimestamp(Instant.ofEpochMilli(start + i))
                        .setValues(Map.of(
                                "temp", 20 + 2 * random.nextGaussian(), "pressure", 1 + 0.1 * random.nextGaussian()))
                        .setId("r" + i)
                        .build();
                producer.send(new ProducerRecord<>("vigil.readings", entity, READINGS.encode(reading)));
                if (i % 100 == 99) {
                    producer.flush();
                    Thread.sleep(20);
                }
                if (i == RECORDS / 2) {
                    reader.awaitPartitions(PARTITIONS, Duration.ofSeconds(60));
                    ModelBundle tampered = BundleSigning.sign(TestBundles.gain("g", 2, 0.6f), signer);
                    tampered.getThresholds().setAnomaly(1e9);
                    publisher.publish(tampered);
                    publisher.publish(BundleSigning.sign(TestBundles.gain("g", 3, GAIN_V3), signer));
                }
                if (i == RECORDS * 3 / 4) {
                    awaitVersion(holder, 3);
                }
            }
        }
    }

    private static void awaitVersion(ModelHolder holder, long version) throws InterruptedException {
        Await.upTo(Duration.ofSeconds(30))
                .every(Duration.ofMillis(10))
                .until(
                        () -> holder.current().orElseThrow().version() == version,
                        () -> "version " + version + " never served");
    }

    private static ScoredReading decode(ConsumerRecord<String, byte[]> record) {
        try {
            return SCORED.decode(record.value());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertExactlyOnePerInput(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> ids = new HashSet<>();
        for (var record : records) {
            assertTrue(
                    ids.add(decode(record).getReading().getId()),
                    "scored twice: " + decode(record).getReading().getId());
        }
        assertEquals(RECORDS, ids.size());
    }

    private static void assertOneSwitchPerPartition(List<ConsumerRecord<String, byte[]>> records) {
        Map<Integer, List<ScoredReading>> byPartition = new HashMap<>();
        records.forEach(r -> byPartition
                .computeIfAbsent(r.partition(), p -> new ArrayList<>())
                .add(decode(r)));
        assertEquals(PARTITIONS, byPartition.size());
        byPartition.forEach((partition, scored) -> {
            List<Long> versions = scored.stream()
                    .map(ScoredReading::getModelVersion)
                    .distinct()
                    .toList();
            assertEquals(List.of(1L, 3L), versions, "partition " + partition + " versions in offset order");
            scored.forEach(HotSwapIntegrationTest::assertScoredWhollyByItsVersion);
        });
    }

    private static void assertScoredWhollyByItsVersion(ScoredReading scored) {
        float gain = scored.getModelVersion() == 1L ? GAIN_V1 : GAIN_V3;
        var values = scored.getReading().getValues();
        double expected = TestBundles.gainScore(
                values.get("temp").floatValue(), values.get("pressure").floatValue(), gain);
        assertEquals(
                expected,
                scored.getScore(),
                1e-4 * Math.max(1, expected),
                "score of " + scored.getReading().getId());
    }
}
