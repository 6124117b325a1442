package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.Feedback;
import dev.vigil.contract.avro.FeedbackLabel;
import dev.vigil.testkit.KafkaBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code vigil feedback} against a real broker: what it writes, how it finds alerts, and what it refuses. */
class FeedbackCommandTest {
    @RegisterExtension
    static final KafkaBroker KAFKA =
            new KafkaBroker().withTopic("vigil.alerts", 3).withTopic("vigil.feedback", 3);

    private static final AvroCodec<Feedback> FEEDBACK = AvroCodec.of(Feedback.class);
    private static final AvroCodec<AnomalyAlert> ALERTS = AvroCodec.of(AnomalyAlert.class);
    private static final Instant START = Instant.parse("2026-01-03T03:22:00Z");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cli = VigilCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int feedback(String... args) {
        List<String> all = new ArrayList<>(List.of("feedback"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap", KAFKA.bootstrapServers()));
        return run(all.toArray(String[]::new));
    }

    @Test
    void aFalseAlarmOnAStretchIsWrittenKeyedByItsEntity() throws Exception {
        String from = START.toString();
        String to = Long.toString(START.plusSeconds(600).toEpochMilli());
        int exit = feedback(
                "false-alarm",
                "--entity",
                "pump-7",
                "--from",
                from,
                "--to",
                to,
                "--note",
                "maintenance",
                "--author",
                "ana");
        assertEquals(0, exit, err.toString());
        ConsumerRecord<String, byte[]> record = lastFeedbackOf("pump-7");
        Feedback written = FEEDBACK.decode(record.value());
        assertEquals(FeedbackLabel.FALSE_ALARM, written.getLabel());
        assertEquals(START, written.getFrom());
        assertEquals(START.plusSeconds(600), written.getTo());
        assertEquals("maintenance", written.getNote());
        assertEquals("ana", written.getAuthor());
        assertNull(written.getAlertId());
        assertTrue(out.toString().contains("FALSE_ALARM pump-7"), out.toString());
    }

    @Test
    void anAlertIdIsResolvedToItsEntityAndTimeRangeFromTheAlertsTopic() throws Exception {
        String id = "pump-3@" + START.toEpochMilli();
        Instant end = START.plusSeconds(89 * 60);
        writeAlerts(
                alert(id, "pump-3", AlertEvent.OPENED, null, START.plusSeconds(120)),
                alert(id, "pump-3", AlertEvent.UPDATED, null, START.plusSeconds(300)),
                alert(id, "pump-3", AlertEvent.CLOSED, end, end),
                alert("pump-3@1", "pump-3", AlertEvent.OPENED, null, Instant.ofEpochMilli(1)));
        assertEquals(0, feedback("confirm", "--alert", id), err.toString());
        Feedback written = FEEDBACK.decode(lastFeedbackOf("pump-3").value());
        assertEquals(FeedbackLabel.CONFIRMED_ANOMALY, written.getLabel());
        assertEquals(id, written.getAlertId());
        assertEquals("pump-3", written.getEntity());
        assertEquals(START, written.getFrom());
        assertEquals(end, written.getTo());
    }

    @Test
    void anOpenAlertRunsToItsLatestEvent() throws Exception {
        String id = "fan-1@" + START.toEpochMilli();
        writeAlerts(
                alert(id, "fan-1", AlertEvent.OPENED, null, START.plusSeconds(60)),
                alert(id, "fan-1", AlertEvent.UPDATED, null, START.plusSeconds(180)));
        assertEquals(0, feedback("false-alarm", "--alert", id), err.toString());
        assertEquals(
                START.plusSeconds(180),
                FEEDBACK.decode(lastFeedbackOf("fan-1").value()).getTo());
    }

    @Test
    void anUnknownAlertIdFailsNamingIt() {
        assertEquals(1, feedback("false-alarm", "--alert", "pump-9@12345"));
        assertTrue(err.toString().contains("no alert pump-9@12345 on vigil.alerts"), err.toString());
    }

    @Test
    void somethingThatIsNotAnAlertIdFails() {
        assertEquals(1, feedback("false-alarm", "--alert", "pump-9"));
        assertTrue(err.toString().contains("is not an alert id"), err.toString());
    }

    @Test
    void aStretchThatEndsBeforeItStartsIsRefusedAsUsage() {
        int exit = feedback("false-alarm", "--entity", "p", "--from", "2026-01-03T03:22:00Z", "--to", "1000");
        assertEquals(ExitCodes.USAGE, exit);
        assertTrue(err.toString().contains("is before --from"), err.toString());
    }

    @Test
    void missingOrHalfGivenTargetsAreRefusedAsUsage() {
        assertEquals(ExitCodes.USAGE, feedback("false-alarm"));
        assertEquals(ExitCodes.USAGE, feedback("false-alarm", "--entity", "p", "--from", "1000"));
        assertTrue(err.toString().contains("--to"), err.toString());
        assertEquals(
                ExitCodes.USAGE,
                feedback("false-alarm", "--alert", "p@1", "--entity", "p", "--from", "1", "--to", "2"));
    }

    @Test
    void aTimeThatIsNeitherIsoNorEpochMillisIsRefused() {
        assertEquals(ExitCodes.USAGE, feedback("confirm", "--entity", "p", "--from", "yesterday", "--to", "1000"));
        assertTrue(err.toString().contains("neither an ISO-8601 instant"), err.toString());
    }

    @Test
    void anUnreachableBrokerFailsWithinTheTimeout() {
        long start = System.nanoTime();
        int exit = run(
                "feedback",
                "false-alarm",
                "--entity",
                "p",
                "--from",
                "1",
                "--to",
                "2",
                "--bootstrap",
                "127.0.0.1:1",
                "--timeout",
                "2s");
        assertEquals(1, exit);
        assertTrue(err.toString().startsWith("vigil feedback false-alarm: "), err.toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20);
    }

    private static AnomalyAlert alert(String id, String entity, AlertEvent event, Instant end, Instant at) {
        return AnomalyAlert.newBuilder()
                .setAlertId(id)
                .setEntity(entity)
                .setEvent(event)
                .setStartTime(START)
                .setEndTime(end)
                .setEventTime(at)
                .setPeakScore(5)
                .setThreshold(3)
                .build();
    }

    private static void writeAlerts(AnomalyAlert... alerts) {
        Map<String, Object> props = Map.of("bootstrap.servers", KAFKA.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (AnomalyAlert alert : alerts) {
                producer.send(new ProducerRecord<>("vigil.alerts", alert.getEntity(), ALERTS.encode(alert)));
            }
        }
    }

    private static ConsumerRecord<String, byte[]> lastFeedbackOf(String entity) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "feedback-test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("vigil.feedback"));
            ConsumerRecord<String, byte[]> last = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(entity)) {
                        last = record;
                    }
                }
                if (last != null) {
                    return last;
                }
            }
            throw new AssertionError("no feedback for " + entity);
        }
    }
}
