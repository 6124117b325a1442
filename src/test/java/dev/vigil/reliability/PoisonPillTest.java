package dev.vigil.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.ops.EmbeddedKafka;
import dev.vigil.testkit.SyntheticSensors;
import dev.vigil.testkit.TestBundles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every kind of bad record, interleaved with valid ones, on a real broker with the real detector:
 * each bad record lands in the dead-letter topic with a reason naming its problem, every valid
 * record is scored exactly once, and the counts add up (in = scored + dead-lettered).
 */
class PoisonPillTest {
    private static final Logger LOG = LoggerFactory.getLogger(PoisonPillTest.class);
    private static final AvroCodec<SensorReading> CODEC = AvroCodec.of(SensorReading.class);
    private static final int VALID_BETWEEN = 8;
    private static final String PILL_ENTITY = "e-1";

    @TempDir
    Path dir;

    private final SplittableRandom noise = new SplittableRandom(17);
    private final Set<String> validIds = new HashSet<>();
    private int seq;

    @Test
    @Timeout(120)
    void everyBadRecordIsDeadLetteredWithItsReasonAndEveryValidOneIsScored() throws Exception {
        try (EmbeddedKafka kafka = DetectorRig.startKafka();
                KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            DetectorRig.createTopics(kafka);
            Map<String, String> props = DetectorRig.properties(
                    kafka, "poison", "exactly_once_v2", TestBundles.writeTrained(dir, 1), dir.resolve("state"));
            props.put("validation.max.record.bytes", String.valueOf(PoisonPills.MAX_RECORD_BYTES));
            try (InProcessDetector detector = new InProcessDetector(props)) {
                detector.startAndAwaitRunning(Duration.ofSeconds(60));
                Map<String, PoisonPills.Pill> pillsAt = sendInterleaved(producer);
                verify(kafka, pillsAt);
            }
        }
    }

    private Map<String, PoisonPills.Pill> sendInterleaved(KafkaProducer<byte[], byte[]> producer) throws Exception {
        long now = System.currentTimeMillis();
        Map<String, PoisonPills.Pill> pillsAt = new HashMap<>();
        for (PoisonPills.Pill pill : PoisonPills.all(now, PILL_ENTITY)) {
            sendValid(producer, VALID_BETWEEN, now);
            RecordMetadata at = producer.send(new ProducerRecord<>(DetectorRig.INPUT, pill.key(), pill.value()))
                    .get();
            pillsAt.put(at.partition() + "@" + at.offset(), pill);
        }
        sendAcceptedOddities(producer, now);
        sendValid(producer, VALID_BETWEEN, now);
        producer.flush();
        return pillsAt;
    }

    /** Valid readings spread over entities; the pill entity gets one in every batch. */
    private void sendValid(KafkaProducer<byte[], byte[]> producer, int count, long now) throws Exception {
        for (int i = 0; i < count; i++) {
            String entity = "e-" + (seq % ReadingStream.ENTITIES);
            String id = "valid-" + seq;
            double[] row = SyntheticSensors.signalRow(
                    seq % ReadingStream.ENTITIES, seq / ReadingStream.ENTITIES, false, noise);
            byte[] value = CODEC.encode(SyntheticSensors.reading(id, entity, now + seq, row));
            producer.send(new ProducerRecord<>(DetectorRig.INPUT, utf8(entity), value))
                    .get();
            validIds.add(id);
            seq++;
        }
    }

    /** Records that look odd but are valid: an extra unknown feature (ignored) and a null key with the entity in the value. */
    private void sendAcceptedOddities(KafkaProducer<byte[], byte[]> producer, long now) throws Exception {
        byte[] extra = PoisonPills.extraFeature("extra-feature", PILL_ENTITY, now + seq++);
        producer.send(new ProducerRecord<>(DetectorRig.INPUT, utf8(PILL_ENTITY), extra))
                .get();
        validIds.add("extra-feature");
        double[] row = SyntheticSensors.signalRow(2, seq, false, noise);
        byte[] keyless = CODEC.encode(SyntheticSensors.reading("null-key", "e-2", now + seq++, row));
        producer.send(new ProducerRecord<>(DetectorRig.INPUT, null, keyless)).get();
        validIds.add("null-key");
    }

    private void verify(EmbeddedKafka kafka, Map<String, PoisonPills.Pill> pillsAt) {
        try (OutputTally out = new OutputTally(kafka.bootstrapServers(), OutputTally.Topics.DEFAULT)) {
            boolean complete = out.pollUntil(
                    () -> out.scoredOf(validIds) == validIds.size()
                            && out.deadLetters().size() >= pillsAt.size(),
                    Duration.ofSeconds(60));
            out.settle(Duration.ofSeconds(2));
            int in = validIds.size() + pillsAt.size();
            LOG.info(
                    "poison pills: in={} scored={} dead-lettered={} duplicates={} missing={} complete={}",
                    in,
                    out.scored(),
                    out.deadLetters().size(),
                    out.duplicates(),
                    out.missing(validIds).size(),
                    complete);
            assertEquals(List.of(), out.missing(validIds), "valid records not scored");
            assertEquals(validIds.size(), out.scored(), "scored records (each valid id once, nothing else)");
            assertEquals(0, out.duplicates());
            assertEquals(in, out.scored() + out.deadLetters().size(), "in = scored + dead-lettered");
            checkEachLetter(out.deadLetters(), pillsAt);
        }
    }

    private static void checkEachLetter(List<DeadLetter> letters, Map<String, PoisonPills.Pill> pillsAt) {
        Set<String> seen = new HashSet<>();
        for (DeadLetter letter : letters) {
            String at = letter.getPartition() + "@" + letter.getOffset();
            PoisonPills.Pill pill = pillsAt.get(at);
            assertTrue(
                    pill != null,
                    "dead letter for a record that is not a pill: " + letter.getReason() + " "
                            + letter.getErrorMessage());
            assertTrue(seen.add(at), "pill dead-lettered twice: " + pill.kind());
            assertEquals(pill.reason(), letter.getReason(), pill.kind() + ": " + letter.getErrorMessage());
            assertTrue(
                    letter.getErrorMessage().contains(pill.messageWord()),
                    pill.kind() + ": message '" + letter.getErrorMessage() + "' should name '" + pill.messageWord()
                            + "'");
            assertEquals(DetectorRig.INPUT, letter.getSourceTopic());
            LOG.info("pill {} -> {}: {}", pill.kind(), letter.getReason(), abbreviate(letter.getErrorMessage()));
        }
        assertEquals(pillsAt.size(), seen.size(), "every pill dead-lettered");
    }

    private static String abbreviate(String text) {
        return text.length() <= 140 ? text : text.substring(0, 140) + "…";
    }

    private static KafkaProducer<byte[], byte[]> producer(EmbeddedKafka kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
