package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.cli.ImportFixtures.Run;
import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.Detector;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.KafkaBroker;
import dev.vigil.testkit.SyntheticSensors;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch autoencoder imported by {@code vigil models import}, published by {@code models publish}
 * and serving a real detector from {@code model.path} on a real in-process KRaft broker: readings of
 * the sensor manifold it was trained on (SyntheticSensors.row, which make_torch_autoencoder.py
 * mirrors) for eight units, two of which are pushed off it for 15 steps. Those two open alerts and
 * score thousands of times their threshold; normal units stay below 1.5 times it. The threshold is
 * the 0.995 quantile of the calibration scores, so a normal unit may sustain a small excursion above
 * it: one of the six (unit-4, peaking at 1.07 times the threshold) does in this seeded run, and at
 * most one may.
 */
class ImportedModelOnBrokerTest {
    private static final int UNITS = 8;
    private static final int STEPS = 300;
    private static final Set<String> ANOMALOUS = Set.of("unit-2", "unit-6");
    private static final long T0 = 1_732_270_000_000L;
    private static final AvroCodec<SensorReading> READING = AvroCodec.of(SensorReading.class);
    private static final AvroCodec<ScoredReading> SCORED = AvroCodec.of(ScoredReading.class);
    private static final AvroCodec<AnomalyAlert> ALERT = AvroCodec.of(AnomalyAlert.class);

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker()
            .withTopic("vigil.readings", 2)
            .withTopic("vigil.scored", 2)
            .withTopic("vigil.alerts", 2)
            .withTopic("vigil.dlq", 1);

    @TempDir
    Path dir;

    @Test
    void theImportedModelIsPublishedAndAlertsOnTheAnomalousUnits() throws Exception {
        Path bundle = dir.resolve("torch.bundle");
        SigningKeys.writePair(SigningKeys.generate(), dir);
        Run run = Run.of(
                "models",
                "import",
                "--onnx",
                ImportFixtures.resource("autoencoder.onnx").toString(),
                "--features",
                ImportFixtures.FEATURES,
                "--calibrate",
                ImportFixtures.resource("calibration.csv").toString(),
                "--group",
                "torch",
                "--signing-key",
                dir.resolve(SigningKeys.PRIVATE_FILE).toString(),
                "--out",
                bundle.toString());
        assertEquals(0, run.exit(), run.err());
        Run publish = Run.of("models", "publish", "--bootstrap", KAFKA.bootstrapServers(), "--in", bundle.toString());
        assertEquals(0, publish.exit(), publish.err());
        assertTrue(publish.out().contains("published torch v1"), publish.out());
        try (Detector detector = Detector.start(config(bundle), DetectorEvents.NOOP);
                var producer = producer()) {
            produce(producer);
            List<ScoredReading> scored = new ArrayList<>();
            Set<String> opened = new HashSet<>();
            try (var consumer = consumer("vigil.scored", "vigil.alerts")) {
                Await.upTo(Duration.ofSeconds(90))
                        .stepping(() -> consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                            if (r.topic().equals("vigil.scored")) {
                                scored.add(decode(SCORED, r.value()));
                            } else if (decode(ALERT, r.value()).getEvent() == AlertEvent.OPENED) {
                                opened.add(decode(ALERT, r.value()).getEntity());
                            }
                        }))
                        .until(
                                () -> scored.size() >= UNITS * STEPS,
                                () -> scored.size() + " of " + UNITS * STEPS + " scored");
                consumer.poll(Duration.ofSeconds(1)).forEach(r -> {
                    if (r.topic().equals("vigil.alerts")
                            && decode(ALERT, r.value()).getEvent() == AlertEvent.OPENED) {
                        opened.add(decode(ALERT, r.value()).getEntity());
                    }
                });
            }
            Map<String, Double> peaks = peaks(scored);
            String shown = "alerts " + opened + ", peak score / threshold " + peaks;
            assertTrue(opened.containsAll(ANOMALOUS), "the units pushed off the manifold open alerts: " + shown);
            assertTrue(opened.size() <= ANOMALOUS.size() + 1, "at most one of six normal units alerts: " + shown);
            peaks.forEach((unit, peak) -> assertTrue(
                    ANOMALOUS.contains(unit) ? peak > 1000 : peak < 1.5,
                    unit + " peaks where its kind should: " + shown));
        }
    }

    /** Each unit's highest score over its threshold, for the failure message. */
    private static Map<String, Double> peaks(List<ScoredReading> scored) {
        Map<String, Double> peak = new java.util.TreeMap<>();
        for (ScoredReading r : scored) {
            if (r.getScore() != null && r.getThreshold() != null) {
                peak.merge(r.getReading().getEntity(), r.getScore() / r.getThreshold(), Math::max);
            }
        }
        return peak;
    }

    private DetectorConfig config(Path bundle) {
        Map<String, Object> values = new HashMap<>();
        values.put(DetectorConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        values.put(DetectorConfig.APPLICATION_ID, "imported-it");
        values.put(DetectorConfig.STATE_DIR, dir.resolve("state").toString());
        values.put(DetectorConfig.MODEL_PATH, bundle.toString());
        values.put(
                DetectorConfig.MODEL_TRUSTED_KEYS,
                dir.resolve(SigningKeys.PUBLIC_FILE).toString());
        values.put(DetectorConfig.MODEL_TOPIC_ENABLED, false);
        values.put(DetectorConfig.SCORING_BATCH_SIZE, 64);
        values.put(DetectorConfig.PUNCTUATION_INTERVAL_MS, 200L);
        values.put(DetectorConfig.ALERT_COOLDOWN_MS, 3_600_000L);
        // the 0.995 threshold lets 0.5% of normal scores through (a normal unit peaks near 1.1x it, the
        // anomalous ones at thousands of times): alert on five exceedances in a row, the 15-step excursions
        values.put(DetectorConfig.ALERT_K, 5);
        values.put(DetectorConfig.ALERT_N, 5);
        values.put("kafka.num.standby.replicas", "0");
        return new DetectorConfig(values);
    }

    private static void produce(KafkaProducer<String, byte[]> producer) throws Exception {
        Random noise = new Random(21);
        for (int step = 0; step < STEPS; step++) {
            for (int u = 0; u < UNITS; u++) {
                String unit = "unit-" + u;
                double phase = 0.9 * u;
                double[] row =
                        SyntheticSensors.row(Math.sin(0.05 * step + phase), Math.cos(0.013 * step + phase), 5, noise);
                if (ANOMALOUS.contains(unit) && step >= 150 && step < 165) {
                    row[1] += 15;
                    row[2] -= 15;
                }
                producer.send(new ProducerRecord<>("vigil.readings", unit, READING.encode(reading(unit, step, row))));
            }
        }
        producer.flush();
    }

    private static SensorReading reading(String unit, int step, double[] row) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int f = 0; f < row.length; f++) {
            values.put("s" + f, row[f]);
        }
        return SensorReading.newBuilder()
                .setId(unit + "#" + step)
                .setEntity(unit)
                .setTimestamp(Instant.ofEpochMilli(T0 + step * 1000L))
                .setValues(values)
                .setTags(Map.of())
                .build();
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

    private static KafkaConsumer<String, byte[]> consumer(String... topics) {
        var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KAFKA.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "imported-it-" + System.nanoTime()),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
        return consumer;
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T decode(AvroCodec<T> codec, byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
