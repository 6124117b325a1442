package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.KafkaBroker;
import dev.vigil.testkit.TestBundles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real detector ({@link Detector#start}) on a real in-process broker under exactly-once, serving
 * two model groups of different widths from the models topic: pumps (5 features, window 1) and fans
 * (8 features, window 2). Mid-stream a new fans bundle is published, and a pumps bundle with the
 * fans' layout (refused: a group's layout is fixed). Every reading comes out exactly once: scored,
 * each by its own group's model, with fans switching version once per partition and pumps never; a
 * reading of no group on the dead-letter topic.
 */
class ModelGroupsIntegrationTest {
    private static final List<String> PUMP_FEATURES = ModelGroupsTopologyTest.PUMP_FEATURES;
    private static final List<String> FAN_FEATURES = ModelGroupsTopologyTest.FAN_FEATURES;
    private static final int ENTITIES = 8;
    private static final int STEPS = 200;
    private static final int READINGS = 2 * ENTITIES * STEPS;
    private static final int STRAYS = 5;
    private static final AvroCodec<SensorReading> READING = AvroCodec.of(SensorReading.class);
    private static final AvroCodec<ScoredReading> SCORED = AvroCodec.of(ScoredReading.class);
    private static final AvroCodec<DeadLetter> LETTER = AvroCodec.of(DeadLetter.class);

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker()
            .withTopic("vigil.readings", 3)
            .withTopic("vigil.scored", 3)
            .withTopic("vigil.alerts", 3)
            .withTopic("vigil.dlq", 1)
            .withTopic("vigil.models", 1);

    @TempDir
    Path dir;

    @Test
    void twoGroupsOfDifferentWidthsScoreEveryReadingOnceEachByItsGroupsModelAcrossASwapOfOne() throws Exception {
        List<String> refused = new CopyOnWriteArrayList<>();
        try (var producer = producer()) {
            publish(producer, TestBundles.linear("pumps", 1, PUMP_FEATURES, 1));
            publish(producer, TestBundles.linear("fans", 1, FAN_FEATURES, 2));
            try (Detector detector = Detector.start(config(), refusalsInto(refused))) {
                produce(producer, 0, STEPS / 2);
                readUntil("vigil.scored", r -> r.size() >= READINGS / 2, Duration.ofSeconds(60));
                publish(producer, TestBundles.linear("pumps", 2, FAN_FEATURES, 2));
                publish(producer, TestBundles.linear("fans", 2, FAN_FEATURES, 2));
                Await.upTo(Duration.ofSeconds(30))
                        .every(Duration.ofMillis(20))
                        .until(
                                () -> detector.groups()
                                                .holder("fans")
                                                .current()
                                                .orElseThrow()
                                                .version()
                                        == 2L,
                                () -> "fans v2 never served");
                produce(producer, STEPS / 2, STEPS);
                var scored = readUntil("vigil.scored", r -> r.size() >= READINGS, Duration.ofSeconds(60));
                assertExactlyOnceEachByItsGroup(scored);
                assertFansSwitchOncePerPartitionAndPumpsNever(scored);
                assertEquals(
                        1L,
                        detector.groups()
                                .holder("pumps")
                                .current()
                                .orElseThrow()
                                .version());
            }
            assertEquals(List.of("pumps:2"), refused, "only the layout change within pumps is refused");
            var letters = readUntil("vigil.dlq", r -> r.size() >= STRAYS, Duration.ofSeconds(20));
            assertEquals(STRAYS, letters.size());
            letters.forEach(
                    r -> assertEquals("NO_MODEL_GROUP", decode(LETTER, r).getReason()));
        }
    }

    private DetectorConfig config() {
        Map<String, Object> values = new HashMap<>();
        values.put(DetectorConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        values.put(DetectorConfig.APPLICATION_ID, "groups-it");
        values.put(DetectorConfig.STATE_DIR, dir.resolve("state").toString());
        values.put(DetectorConfig.NUM_STREAM_THREADS, 2);
        values.put(DetectorConfig.SCORING_BATCH_SIZE, 32);
        values.put(DetectorConfig.PUNCTUATION_INTERVAL_MS, 200L);
        values.put(DetectorConfig.MODEL_TRUST, "any"); // the test bundles are unsigned
        values.put(DetectorConfig.MODEL_GROUPS, "pumps,fans");
        values.put(DetectorConfig.groupKey("pumps", "entity.pattern"), "pump-\\d+");
        values.put(DetectorConfig.groupKey("fans", "entity.pattern"), "fan-\\d+");
        values.put("kafka.num.standby.replicas", "0");
        return new DetectorConfig(values);
    }

    private static DetectorEvents refusalsInto(List<String> refused) {
        return new DetectorEvents() {
            @Override
            public void modelRefused(String group, long version, String reason, String message) {
                refused.add(group + ":" + version);
            }
        };
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

    /** Steps {@code from..to} of every pump and fan, interleaved; the first call also sends the strays. */
    private static void produce(KafkaProducer<String, byte[]> producer, int from, int to) {
        for (int step = from; step < to; step++) {
            for (int e = 0; e < ENTITIES; e++) {
                send(producer, reading("pump-" + e, step, PUMP_FEATURES));
                send(producer, reading("fan-" + e, step, FAN_FEATURES));
            }
        }
        for (int i = 0; from == 0 && i < STRAYS; i++) {
            send(producer, reading("valve-" + i, 0, PUMP_FEATURES));
        }
        producer.flush();
    }

    private static void send(KafkaProducer<String, byte[]> producer, SensorReading reading) {
        producer.send(new ProducerRecord<>("vigil.readings", reading.getEntity(), READING.encode(reading)));
    }

    private static SensorReading reading(String entity, int step, List<String> features) {
        Map<String, Double> values = new HashMap<>();
        features.forEach(f -> values.put(f, TestBundles.normal(Math.sin(step / 10.0))));
        return SensorReading.newBuilder()
                .setEntity(entity)
                .setTimestamp(Instant.ofEpochMilli(DetectorHarness.T0 + step * 1000L))
                .setValues(values)
                .setId(entity + "#" + step)
                .build();
    }

    private static void assertExactlyOnceEachByItsGroup(List<ConsumerRecord<String, byte[]>> records) {
        List<ScoredReading> scored =
                records.stream().map(r -> decode(SCORED, r)).toList();
        List<String> ids = scored.stream().map(s -> s.getReading().getId()).toList();
        assertEquals(READINGS, ids.size(), "one scored record per routed reading");
        assertEquals(READINGS, Set.copyOf(ids).size(), "no reading scored twice");
        for (ScoredReading s : scored) {
            String entity = s.getReading().getEntity();
            assertEquals(entity.startsWith("pump-") ? "pumps" : "fans", s.getModelGroup(), entity);
            boolean warming = s.getVerdict() == Verdict.WARMING_UP;
            assertEquals(
                    warming, entity.startsWith("fan-") && s.getReading().getId().endsWith("#0"), s.toString());
            assertTrue(warming || s.getScore() < 1e-3, "normal for its own model: " + s);
        }
    }

    private static void assertFansSwitchOncePerPartitionAndPumpsNever(List<ConsumerRecord<String, byte[]>> records) {
        Map<Integer, List<Long>> fans = records.stream()
                .map(r -> Map.entry(r.partition(), decode(SCORED, r)))
                .filter(e -> e.getValue().getModelGroup().equals("fans"))
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        Collectors.mapping(e -> e.getValue().getModelVersion(), Collectors.toList())));
        assertTrue(fans.size() >= 2, "fans on several partitions: " + fans.keySet());
        fans.forEach((partition, versions) -> {
            int firstNew = versions.indexOf(2L);
            assertTrue(firstNew > 0, "partition " + partition + " scored fans with v1, then v2");
            assertTrue(versions.subList(0, firstNew).stream().allMatch(v -> v == 1L));
            assertTrue(versions.subList(firstNew, versions.size()).stream().allMatch(v -> v == 2L), "no way back");
        });
        Set<Long> pumps = records.stream()
                .map(r -> decode(SCORED, r))
                .filter(s -> s.getModelGroup().equals("pumps"))
                .map(ScoredReading::getModelVersion)
                .collect(Collectors.toSet());
        assertEquals(Set.of(1L), pumps, "the fans swap never touched pumps");
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T decode(
            AvroCodec<T> codec, ConsumerRecord<String, byte[]> record) {
        try {
            return codec.decode(record.value());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readUntil(
            String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = consumer(topic)) {
            Await.upTo(timeout)
                    .stepping(() -> consumer.poll(Duration.ofMillis(200)).forEach(records::add))
                    .holds(() -> done.test(records));
            consumer.poll(Duration.ofMillis(1000)).forEach(records::add);
        }
        return records;
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
}
