package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.topology.EntityPartitions;
import dev.vigil.ops.DetectorMetrics;
import dev.vigil.ops.MetricNames;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.KafkaBroker;
import dev.vigil.testkit.TestBundles;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * One entity, one state, on a real broker under exactly-once: a Java producer (murmur2) and a
 * librdkafka producer ({@code consistent_random}: CRC32 of the key) write the same entities to a
 * four-partition input, alternately. Without repartitioning, an entity whose two partitions differ
 * lives in two tasks (two windows: twice the warming-up readings) and its misrouted readings are
 * counted and warned about once per entity; with {@code input.repartition=always} every entity warms
 * up once, in one state, and every reading is scored exactly once.
 */
class EntityRoutingTest {
    private static final int PARTITIONS = 4;
    private static final int WINDOW = 5;
    private static final int STEPS = 20;
    private static final List<String> ENTITIES =
            IntStream.range(0, 16).mapToObj(i -> "pump-" + i).toList();
    private static final AvroCodec<SensorReading> READING = AvroCodec.of(SensorReading.class);
    private static final AvroCodec<ScoredReading> SCORED = AvroCodec.of(ScoredReading.class);

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker().withTopic("vigil.models", 1);

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DetectorMetrics metrics = new DetectorMetrics();
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger checkLog = (Logger) LoggerFactory.getLogger("dev.vigil.detector.topology.PartitionCheck");

    @BeforeEach
    void listen() {
        metrics.bindTo(registry);
        warnings.start();
        checkLog.addAppender(warnings);
    }

    @AfterEach
    void stopListening() {
        checkLog.detachAppender(warnings);
    }

    /** librdkafka's default partitioner for a non-empty key: CRC32 of the key bytes. */
    private static int librdkafkaPartition(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % PARTITIONS);
    }

    /** Entities the two partitioners send to different partitions. */
    private static Set<String> splitEntities() {
        return ENTITIES.stream()
                .filter(e -> librdkafkaPartition(e) != EntityPartitions.of(e, PARTITIONS))
                .collect(Collectors.toSet());
    }

    @Test
    void withoutRepartitioningMisroutedReadingsAreCountedAndTheirEntitiesWarnedAboutOnce() throws Exception {
        Set<String> split = splitEntities();
        assertFalse(split.isEmpty() || split.size() == ENTITIES.size(), "some entities split, some not: " + split);
        List<ScoredReading> scored = run("never");
        assertEveryReadingScoredOnce(scored);
        Map<String, Long> warming = warmingUpByEntity(scored);
        for (String entity : ENTITIES) {
            long states = split.contains(entity) ? 2 : 1;
            assertEquals(states * (WINDOW - 1), warming.get(entity), entity + " warms up once per state");
        }
        assertEquals(split.size() * (STEPS / 2.0), misrouted(), "every librdkafka-routed reading of a split entity");
        List<String> warned = warnings.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(event -> (String) event.getArgumentArray()[0])
                .toList();
        assertEquals(split.size(), warned.size(), "one warning per entity: " + warned);
        assertEquals(split, Set.copyOf(warned));
    }

    @Test
    void repartitionedEveryEntityLivesInOneStateAndEveryReadingIsScoredExactlyOnce() throws Exception {
        List<ScoredReading> scored = run("always");
        assertEveryReadingScoredOnce(scored);
        Map<String, Long> warming = warmingUpByEntity(scored);
        for (String entity : ENTITIES) {
            assertEquals(WINDOW - 1, warming.get(entity), entity + " warms up once: one window");
        }
        assertEquals(0.0, misrouted());
        assertTrue(warnings.list.isEmpty());
        var topic = "routing-always-readings-repartition";
        try (var admin = KAFKA.admin()) {
            var description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get();
            assertEquals(PARTITIONS, description.get(topic).partitions().size(), "as many partitions as the input");
        }
    }

    /** Produces the mixed-partitioner input to fresh topics and returns what the detector scored. */
    private List<ScoredReading> run(String repartition) throws Exception {
        String name = repartition;
        String input = name + ".readings";
        String scoredTopic = name + ".scored";
        KAFKA.createTopic(input, PARTITIONS);
        KAFKA.createTopic(scoredTopic, 2);
        KAFKA.createTopic(name + ".alerts", 1);
        KAFKA.createTopic(name + ".dlq", 1);
        produce(input);
        try (Detector detector = Detector.start(config(name, repartition), metrics)) {
            return awaitScored(scoredTopic, ENTITIES.size() * STEPS);
        }
    }

    private DetectorConfig config(String name, String repartition) throws IOException {
        Path bundle = dir.resolve("linear.bundle");
        BundleFiles.write(TestBundles.linear("pumps", 1, TestBundles.FEATURES, WINDOW), bundle);
        Map<String, Object> values = new HashMap<>();
        values.put(DetectorConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        values.put(DetectorConfig.APPLICATION_ID, "routing-" + name);
        values.put(DetectorConfig.MODEL_TRUST, "any"); // unsigned TestBundles
        values.put(DetectorConfig.STATE_DIR, dir.resolve("state").toString());
        values.put(DetectorConfig.INPUT_TOPIC, name + ".readings");
        values.put(DetectorConfig.SCORED_TOPIC, name + ".scored");
        values.put(DetectorConfig.ALERTS_TOPIC, name + ".alerts");
        values.put(DetectorConfig.DLQ_TOPIC, name + ".dlq");
        values.put(DetectorConfig.MODEL_PATH, bundle.toString());
        values.put(DetectorConfig.MODEL_TOPIC_ENABLED, false);
        values.put(DetectorConfig.INPUT_REPARTITION, repartition);
        values.put("kafka.num.standby.replicas", "0");
        return new DetectorConfig(values);
    }

    /** Even steps as a Java producer sends them (murmur2), odd steps as librdkafka does (CRC32). */
    private static void produce(String topic) throws Exception {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int step = 0; step < STEPS; step++) {
                for (String entity : ENTITIES) {
                    int partition =
                            step % 2 == 0 ? EntityPartitions.of(entity, PARTITIONS) : librdkafkaPartition(entity);
                    producer.send(
                            new ProducerRecord<>(topic, partition, entity, READING.encode(reading(entity, step))));
                }
            }
            producer.flush();
        }
    }

    private static SensorReading reading(String entity, int step) {
        double value = TestBundles.normal(Math.sin(step / 5.0));
        Map<String, Double> values = new HashMap<>();
        TestBundles.FEATURES.forEach(feature -> values.put(feature, value));
        return SensorReading.newBuilder()
                .setEntity(entity)
                .setTimestamp(Instant.ofEpochMilli(DetectorHarness.T0 + step * 1000L))
                .setValues(values)
                .setId(entity + "#" + step)
                .build();
    }

    private static List<ScoredReading> awaitScored(String topic, int expected) throws IOException {
        List<byte[]> values = new ArrayList<>();
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.GROUP_ID_CONFIG,
                "reader-" + topic);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Await.upTo(Duration.ofSeconds(90))
                    .stepping(() -> consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value())))
                    .holds(() -> values.size() >= expected);
            consumer.poll(Duration.ofMillis(1_000)).forEach(r -> values.add(r.value()));
        }
        List<ScoredReading> scored = new ArrayList<>();
        for (byte[] value : values) {
            scored.add(SCORED.decode(value));
        }
        return scored;
    }

    private static void assertEveryReadingScoredOnce(List<ScoredReading> scored) {
        List<String> ids = scored.stream().map(s -> s.getReading().getId()).toList();
        assertEquals(ENTITIES.size() * STEPS, ids.size(), "one scored record per reading");
        assertEquals(ENTITIES.size() * STEPS, Set.copyOf(ids).size(), "no reading scored twice");
    }

    private static Map<String, Long> warmingUpByEntity(List<ScoredReading> scored) {
        return scored.stream()
                .filter(s -> s.getVerdict() == Verdict.WARMING_UP)
                .collect(Collectors.groupingBy(s -> s.getReading().getEntity(), Collectors.counting()));
    }

    private double misrouted() {
        return registry.get(MetricNames.RECORDS_MISROUTED).counter().count();
    }
}
