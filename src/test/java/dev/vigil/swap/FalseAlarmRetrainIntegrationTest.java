package dev.vigil.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.cli.VigilCommand;
import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.BundleVerifier;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.models.BundleValidator;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ModelsFollower;
import dev.vigil.detector.models.SignatureTrust;
import dev.vigil.ops.EmbeddedKafka;
import dev.vigil.testkit.Await;
import dev.vigil.trainer.FeedbackRows;
import dev.vigil.trainer.publish.BundleHistory;
import dev.vigil.trainer.publish.ModelTopics;
import dev.vigil.trainer.service.CandidateTrainer;
import dev.vigil.trainer.service.ModelTrainerCandidates;
import dev.vigil.trainer.service.TrainerEvents;
import dev.vigil.trainer.service.TrainerService;
import dev.vigil.trainer.service.TrainerServiceConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feedback loop on a real broker, with the real trainer and detector: the trainer bootstraps v1;
 * a new operating mode of one pump (its temperature 4 units above what its pressure and flow say)
 * alerts under v1; the operator reports every such alert with {@code vigil feedback false-alarm} and
 * confirms a quiet stretch of another pump as an anomaly with {@code vigil feedback confirm}; a new
 * trainer run publishes v2, whose training rows hold the false alarm's rows and none of the
 * confirmed stretch's; once the detector serves v2, the same mode replayed raises no alert. (Without
 * the false-alarm commands, v2 trains without the mode's rows and the replay opens an alert again:
 * the flagged rows are what the feedback gives back.)
 */
class FalseAlarmRetrainIntegrationTest {
    private static final AvroCodec<SensorReading> READINGS = AvroCodec.of(SensorReading.class);
    private static final AvroCodec<ScoredReading> SCORED = AvroCodec.of(ScoredReading.class);
    private static final AvroCodec<AnomalyAlert> ALERTS = AvroCodec.of(AnomalyAlert.class);
    private static final List<String> FEATURES = List.of("temp", "pressure", "flow");
    private static final List<String> ENTITIES = List.of("pump-0", "pump-1", "pump-2", "pump-3");
    private static final String MODE = "pump-0";
    private static final String CONFIRMED = "pump-2";
    private static final double OFFSET = 4.0;
    private static final int MODE_READINGS = 150;

    @TempDir
    Path dir;

    /** Event time of each entity's next reading: one reading per second per entity, starting 2 days ago. */
    private final long start = System.currentTimeMillis() - Duration.ofDays(2).toMillis();

    private final Random random = new Random(11);
    private final Map<String, Integer> step = new HashMap<>();
    private final Map<Long, List<double[][]>> trainedOn = new ConcurrentHashMap<>();
    private final List<double[]> confirmedRows = new ArrayList<>();
    private final List<double[]> modeRows = new ArrayList<>();
    private KafkaProducer<String, byte[]> producer;

    @Test
    void aReportedFalseAlarmIsTrainedOnSoItsPatternNoLongerAlertsAndAConfirmedStretchIsNeverTrainedOn()
            throws Exception {
        SigningKeys.writePair(SigningKeys.generate(), dir);
        var verifier = BundleVerifier.trusting(SigningKeys.readPublicKeys(dir.resolve(SigningKeys.PUBLIC_FILE)));
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            for (String topic : List.of("vigil.readings", "vigil.scored", "vigil.alerts", "vigil.feedback")) {
                kafka.createTopic(topic, 2);
            }
            kafka.createTopic("vigil.dlq", 1);
            Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
            producer = new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer());
            BundleHistory history = new BundleHistory(client, ModelTopics.DEFAULT);
            normal(300);
            runTrainerUntil(kafka, "1h", () -> history.current("g").isPresent(), "the bootstrap model v1");

            var validator = new BundleValidator(SignatureTrust.of(verifier), Set.copyOf(FEATURES), 1e-3);
            try (ModelHolder holder = new ModelHolder(validator, DetectorEvents.NOOP);
                    ModelsFollower follower = new ModelsFollower(client, "vigil.models", "g", holder::offer).start()) {
                assertTrue(follower.awaitInitialLoad(Duration.ofSeconds(30)));
                await(() -> holder.current().isPresent(), "the detector's v1");
                runDetector(kafka, holder);
            }
            producer.close();
            var rows = FeedbackRows.of(history.versions("g").get(1)).orElseThrow();
            assertEquals(confirmedRows.size(), rows.confirmedRowsRemoved(), "v2 records the rows feedback removed");
            assertTrue(rows.falseAlarmRowsAdded() >= MODE_READINGS, "v2 records the rows feedback added: " + rows);
        }
    }

    private void runDetector(EmbeddedKafka kafka, ModelHolder holder) throws Exception {
        try (KafkaStreams detector = LoopDetector.of(kafka, holder, "feedback-loop-test", dir);
                ScoredReader scored = new ScoredReader(kafka.bootstrapServers(), "vigil.scored");
                ScoredReader alerts = new ScoredReader(kafka.bootstrapServers(), "vigil.alerts")) {
            detector.start();
            scored.start();
            alerts.start();
            int sent = produceStory();
            var scoredV1 = scored.awaitAtLeast(sent, Duration.ofSeconds(90));
            List<AnomalyAlert> modeAlerts = modeAlerts(alerts.awaitAtLeast(1, Duration.ofSeconds(30)), 0);
            assertFalse(modeAlerts.isEmpty(), "the new mode alerts under v1");
            assertTrue(
                    confirmedStretchScoredNormal(scoredV1) > 50,
                    "the confirmed stretch was normal to the detector: the trainer would have kept it");
            for (AnomalyAlert alert : modeAlerts) {
                assertEquals(0, vigil(kafka, "false-alarm", "--alert", alert.getAlertId(), "--note", "new mode"));
            }
            assertEquals(
                    0,
                    vigil(
                            kafka,
                            "confirm",
                            "--entity",
                            CONFIRMED,
                            "--from",
                            Long.toString(confirmedFrom),
                            "--to",
                            Long.toString(confirmedTo)));

            runTrainerUntil(kafka, "12s", () -> trainedOn.containsKey(2L), "v2 trained");
            await(() -> holder.current().orElseThrow().version() == 2L, "the detector serving v2");
            assertTrainingRows(trainedOn.get(2L));

            long replayFrom = eventTime(MODE);
            int before = scored.awaitAtLeast(sent, Duration.ofSeconds(5)).size();
            int replayed = modeStretch();
            replayed += normalCount(60);
            var afterReplay = scored.awaitAtLeast(before + replayed, Duration.ofSeconds(90));
            assertTrue(
                    afterReplay.stream()
                            .map(r -> decode(SCORED, r.value()))
                            .anyMatch(s -> s.getReading().getEntity().equals(MODE)
                                    && Long.valueOf(2L).equals(s.getModelVersion())),
                    "the replay was scored by v2");
            assertEquals(
                    List.of(),
                    modeAlerts(alerts.awaitAtLeast(0, Duration.ofSeconds(1)), replayFrom),
                    "the replayed mode raises no alert under v2");
        }
    }

    private long confirmedFrom;
    private long confirmedTo;

    /**
     * Normal readings, the new mode on pump-0 (other pumps normal meanwhile), normal readings with a
     * stretch of pump-2 to be confirmed as an anomaly, then normal again. Returns readings sent.
     */
    private int produceStory() {
        int sent = normalCount(200);
        sent += modeStretch();
        sent += normalCount(40);
        confirmedFrom = eventTime(CONFIRMED);
        for (int i = 0; i < 80; i++) {
            for (String entity : ENTITIES) {
                double[] row = send(entity, 0);
                if (entity.equals(CONFIRMED)) {
                    confirmedRows.add(row);
                }
                sent++;
            }
        }
        confirmedTo = eventTime(CONFIRMED) - 1000;
        sent += normalCount(120);
        producer.flush();
        return sent;
    }

    /** {@value #MODE_READINGS} readings of pump-0 in the new mode, the other pumps normal. */
    private int modeStretch() {
        int sent = 0;
        for (int i = 0; i < MODE_READINGS; i++) {
            for (String entity : ENTITIES) {
                double[] row = send(entity, entity.equals(MODE) ? OFFSET : 0);
                if (entity.equals(MODE)) {
                    modeRows.add(row);
                }
                sent++;
            }
        }
        producer.flush();
        return sent;
    }

    private void normal(int perEntity) {
        normalCount(perEntity);
    }

    private int normalCount(int perEntity) {
        for (int i = 0; i < perEntity; i++) {
            ENTITIES.forEach(entity -> send(entity, 0));
        }
        producer.flush();
        return perEntity * ENTITIES.size();
    }

    /** Sends entity's next reading, its temperature {@code offset} above what pressure and flow say. */
    private double[] send(String entity, double offset) {
        int n = step.merge(entity, 1, Integer::sum) - 1;
        double t = Math.sin(n / 30.0) + random.nextGaussian();
        double[] row = {
            20 + t + offset, 1 + 0.1 * t + 0.005 * random.nextGaussian(), 5 - 0.5 * t + 0.02 * random.nextGaussian()
        };
        SensorReading reading = SensorReading.newBuilder()
                .setEntity(entity)
                .setTimestamp(Instant.ofEpochMilli(start + n * 1000L))
                .setValues(Map.of("temp", row[0], "pressure", row[1], "flow", row[2]))
                .build();
        producer.send(new ProducerRecord<>("vigil.readings", entity, READINGS.encode(reading)));
        return row;
    }

    /** Event time of entity's next reading. */
    private long eventTime(String entity) {
        return start + step.getOrDefault(entity, 0) * 1000L;
    }

    private void assertTrainingRows(List<double[][]> sequences) {
        List<double[]> rows = sequences.stream().flatMap(Arrays::stream).toList();
        long confirmed = rows.stream().filter(r -> contains(confirmedRows, r)).count();
        long mode = rows.stream().filter(r -> contains(modeRows, r)).count();
        assertEquals(0, confirmed, "rows of the confirmed anomaly trained on");
        assertTrue(mode > MODE_READINGS / 2, "rows of the false alarm trained on: " + mode);
    }

    private static boolean contains(List<double[]> rows, double[] row) {
        return rows.stream().anyMatch(r -> Arrays.equals(r, row));
    }

    private long confirmedStretchScoredNormal(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(r -> decode(SCORED, r.value()))
                .filter(s -> s.getReading().getEntity().equals(CONFIRMED))
                .filter(s -> {
                    long time = s.getReading().getTimestamp().toEpochMilli();
                    return time >= confirmedFrom && time <= confirmedTo;
                })
                .filter(s -> s.getVerdict() == Verdict.NORMAL)
                .count();
    }

    /** OPENED alerts of pump-0 that started at or after {@code since}. */
    private static List<AnomalyAlert> modeAlerts(List<ConsumerRecord<String, byte[]>> records, long since) {
        return records.stream()
                .map(r -> decode(ALERTS, r.value()))
                .filter(a -> a.getEntity().equals(MODE) && a.getEvent() == AlertEvent.OPENED)
                .filter(a -> a.getStartTime().toEpochMilli() >= since)
                .toList();
    }

    private static int vigil(EmbeddedKafka kafka, String... args) {
        List<String> all = new ArrayList<>(List.of("feedback"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap", kafka.bootstrapServers()));
        StringWriter err = new StringWriter();
        var cli = VigilCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(all.toArray(String[]::new));
        assertEquals(0, exit, err.toString());
        return exit;
    }

    /** Runs a trainer service with {@code interval} until {@code done}, recording what each version trained on. */
    private void runTrainerUntil(EmbeddedKafka kafka, String interval, BooleanSupplier done, String what)
            throws Exception {
        TrainerServiceConfig config = trainerConfig(kafka, interval);
        CandidateTrainer real = ModelTrainerCandidates.from(config);
        CandidateTrainer recording = (features, window, sequences, variant, group, version) -> {
            trainedOn.put(version, sequences);
            return real.train(features, window, sequences, variant, group, version);
        };
        try (TrainerService trainer = new TrainerService(config, recording, TrainerEvents.NONE, Clock.systemUTC())) {
            Thread thread = new Thread(trainer, "trainer");
            thread.start();
            try {
                Await.upTo(Duration.ofSeconds(120)).until(done, () -> "timed out waiting for " + what);
            } finally {
                trainer.close();
                thread.join(30_000);
            }
        }
    }

    private TrainerServiceConfig trainerConfig(EmbeddedKafka kafka, String interval) {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", kafka.bootstrapServers());
        values.put("model.group", "g");
        values.put("features", String.join(",", FEATURES));
        values.put("signing.key", dir.resolve(SigningKeys.PRIVATE_FILE).toString());
        values.put("train.interval", interval);
        values.put("train.min.gap", "1s");
        values.put("train.min.records", "1000");
        values.put("train.variants", "undercomplete");
        values.put("train.layers", "8,2");
        values.put("train.epochs", "30");
        values.put("collect.max.age", "3d");
        values.put("gate.min.windows", "50");
        values.put("gate.error.tolerance", "0.5");
        values.put("gate.false.alarm.budget", "0.05");
        values.put("drift.psi.threshold", "100");
        values.put("gate.shadow.min.readings", "0"); // its detector (LoopDetector) has no shadow stage
        return new TrainerServiceConfig(values);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.upTo(Duration.ofSeconds(60)).until(condition, () -> "timed out waiting for " + what);
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T decode(AvroCodec<T> codec, byte[] value) {
        try {
            return codec.decode(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
