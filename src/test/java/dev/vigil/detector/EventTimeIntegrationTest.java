package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.KafkaBroker;
import dev.vigil.testkit.TestBundles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poisoning scenario end to end, on a real broker under exactly-once: two entities stream days
 * behind wall-clock time (as the demo does) and one reading of {@code pump-01} is stamped with the
 * wall-clock time. It alone is dead-lettered (TIMESTAMP_JUMP); every other reading is scored once,
 * read back committed from {@code vigil.scored} and {@code vigil.dlq}.
 */
class EventTimeIntegrationTest {
    private static final int STEPS = 300;
    private static final List<String> ENTITIES = List.of("pump-01", "pump-02");
    private static final AvroCodec<SensorReading> READING = AvroCodec.of(SensorReading.class);
    private static final AvroCodec<ScoredReading> SCORED = AvroCodec.of(ScoredReading.class);
    private static final AvroCodec<DeadLetter> LETTER = AvroCodec.of(DeadLetter.class);

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker()
            .withTopic("vigil.readings", 2)
            .withTopic("vigil.scored", 2)
            .withTopic("vigil.alerts", 2)
            .withTopic("vigil.dlq", 1);

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void aReadingStampedWithWallClockTimeCostsOnlyItself() throws Exception {
        Set<String> legitimate = new HashSet<>();
        try (Detector detector = Detector.start(config(), DetectorEvents.NOOP);
                var producer = producer()) {
            long streamStart = System.currentTimeMillis() - Duration.ofDays(3).toMillis();
            for (int step = 0; step < STEPS; step++) {
                for (String entity : ENTITIES) {
                    String id = entity + "#" + step;
                    send(producer, reading(id, entity, streamStart + step * 1000L));
                    legitimate.add(id);
                }
                if (step == STEPS / 2) {
                    send(producer, reading("future", "pump-01", System.currentTimeMillis()));
                }
            }
            producer.flush();
            Outputs out = readUntil(legitimate.size() + 1);

            assertEquals(List.of("TIMESTAMP_JUMP"), out.reasons(), "only the future-dated reading is dead-lettered");
            assertEquals(legitimate, Set.copyOf(out.scoredIds()), "every legitimate reading is scored");
            assertEquals(legitimate.size(), out.scoredIds().size(), "each once");
            assertEquals(
                    legitimate.size() + 1,
                    out.scoredIds().size() + out.reasons().size(),
                    "scored + dlq = sent");
        }
    }

    private DetectorConfig config() throws IOException {
        Path bundle = dir.resolve("v1.bundle");
        BundleFiles.write(TestBundles.linear(1), bundle);
        Map<String, Object> values = new HashMap<>();
        values.put(DetectorConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        values.put(DetectorConfig.APPLICATION_ID, "event-time-it");
        values.put(DetectorConfig.MODEL_TRUST, "any"); // unsigned TestBundles
        values.put(DetectorConfig.STATE_DIR, dir.resolve("state").toString());
        values.put(DetectorConfig.MODEL_PATH, bundle.toString());
        values.put(DetectorConfig.MODEL_TOPIC_ENABLED, false);
        values.put("kafka.num.standby.replicas", "0");
        return new DetectorConfig(values);
    }

    private static SensorReading reading(String id, String entity, long time) {
        double v = TestBundles.normal(Math.sin(time / 10_000.0));
        return SensorReading.newBuilder()
                .setEntity(entity)
                .setTimestamp(Instant.ofEpochMilli(time))
                .setValues(Map.of("temp", v, "pressure", v, "flow", v))
                .setId(id)
                .build();
    }

    private static void send(KafkaProducer<String, byte[]> producer, SensorReading reading) {
        producer.send(new ProducerRecord<>("vigil.readings", reading.getEntity(), READING.encode(reading)));
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

    /** What the detector wrote, read committed. */
    private record Outputs(List<String> scoredIds, List<String> reasons) {}

    /** Reads both output topics until {@code expected} records came out, then a little longer for extras. */
    private static Outputs readUntil(int expected) {
        List<String> ids = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        try (var consumer = consumer()) {
            Runnable poll = () -> consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (r.topic().equals("vigil.scored")) {
                    ids.add(decode(SCORED, r.value()).getReading().getId());
                } else {
                    reasons.add(decode(LETTER, r.value()).getReason());
                }
            });
            Await.upTo(Duration.ofSeconds(90)).stepping(poll::run).holds(() -> ids.size() + reasons.size() >= expected);
            for (int i = 0; i < 5; i++) {
                poll.run();
            }
        }
        return new Outputs(ids, reasons);
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KAFKA.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "event-time-it-" + System.nanoTime()),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of("vigil.scored", "vigil.dlq"));
        return consumer;
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T decode(AvroCodec<T> codec, byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
