package dev.vigil.evaluate;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.DetectorConfig;
import dev.vigil.detector.DetectorEvents;
import dev.vigil.detector.DetectorTopology;
import dev.vigil.detector.scoring.BundleRefusedException;
import dev.vigil.detector.scoring.BundleTrust;
import dev.vigil.detector.scoring.BundleValidator;
import dev.vigil.detector.scoring.ModelHolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Streams one entity's test rows through the real detector topology ({@link DetectorTopology}, the
 * production code path) in a {@link TopologyTestDriver}, and collects its scored readings and alerts.
 * The last W-1 training rows go first, so the window is full at the first test row; their outputs
 * are not evaluated.
 */
final class DetectorReplay {
    static final String INPUT = "eval.readings", SCORED = "eval.scored", ALERTS = "eval.alerts", DLQ = "eval.dlq";
    private static final AvroCodec<SensorReading> READINGS = AvroCodec.of(SensorReading.class);
    private static final String WARMUP_PREFIX = "warmup-";

    private final Map<String, String> overrides;

    DetectorReplay(Map<String, String> overrides) {
        this.overrides = overrides;
    }

    /** The detector's verdicts on every test row of {@code entity}, scored by {@code bundle}. */
    ReplayOutput replay(ModelBundle bundle, EntityData entity) throws IOException, BundleRefusedException {
        Path stateDir = Files.createTempDirectory("vigil-evaluate-");
        try {
            return replay(bundle, entity, detectorConfig(stateDir), stateDir);
        } finally {
            deleteRecursively(stateDir);
        }
    }

    private ReplayOutput replay(ModelBundle bundle, EntityData entity, DetectorConfig config, Path stateDir)
            throws IOException, BundleRefusedException {
        try (ModelHolder models = new ModelHolder(validator(config), DetectorEvents.NOOP)) {
            models.apply(bundle);
            try (TopologyTestDriver driver = new TopologyTestDriver(
                    DetectorTopology.build(config, models, DetectorEvents.NOOP), streamsProperties(stateDir))) {
                feed(driver, entity, bundle.getWindowLength() - 1);
                driver.advanceWallClockTime(
                        Duration.ofMillis(config.getLong(DetectorConfig.PUNCTUATION_INTERVAL_MS) + 1));
                return collect(driver, entity.labels().length);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void feed(TopologyTestDriver driver, EntityData entity, int warmupRows) {
        TestInputTopic<String, byte[]> input =
                driver.createInputTopic(INPUT, new StringSerializer(), new ByteArraySerializer());
        int trainRows = entity.train().length;
        for (int i = Math.max(0, trainRows - warmupRows); i < trainRows; i++) {
            send(input, entity, WARMUP_PREFIX + i, entity.train()[i], entity.trainTimestamps()[i]);
        }
        for (int i = 0; i < entity.test().length; i++) {
            send(input, entity, Integer.toString(i), entity.test()[i], entity.testTimestamps()[i]);
        }
    }

    private static void send(
            TestInputTopic<String, byte[]> input, EntityData entity, String id, double[] row, long time) {
        Map<String, Double> values = new HashMap<>();
        for (int f = 0; f < row.length; f++) {
            values.put(entity.featureNames().get(f), row[f]);
        }
        SensorReading reading = SensorReading.newBuilder()
                .setEntity(entity.name())
                .setTimestamp(Instant.ofEpochMilli(time))
                .setValues(values)
                .setId(id)
                .build();
        input.pipeInput(entity.name(), READINGS.encode(reading), time);
    }

    private static ReplayOutput collect(TopologyTestDriver driver, int testRows) throws IOException {
        AvroCodec<ScoredReading> scoredCodec = AvroCodec.of(ScoredReading.class);
        AvroCodec<AnomalyAlert> alertCodec = AvroCodec.of(AnomalyAlert.class);
        ReplayOutput out = new ReplayOutput(testRows);
        for (byte[] bytes : readAll(driver, SCORED)) {
            ScoredReading scored = scoredCodec.decode(bytes);
            String id = scored.getReading().getId();
            if (id != null && !id.startsWith(WARMUP_PREFIX)) {
                out.accept(Integer.parseInt(id), scored);
            }
        }
        for (byte[] bytes : readAll(driver, ALERTS)) {
            out.accept(alertCodec.decode(bytes));
        }
        out.countDeadLetters(readAll(driver, DLQ).size());
        return out;
    }

    private static List<byte[]> readAll(TopologyTestDriver driver, String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer())
                .readValuesToList();
    }

    private DetectorConfig detectorConfig(Path stateDir) {
        Map<String, Object> props = new HashMap<>();
        props.put(DetectorConfig.APPLICATION_ID, "vigil-evaluate");
        props.put(DetectorConfig.BOOTSTRAP_SERVERS, "evaluate.invalid:9092");
        props.put(DetectorConfig.STATE_DIR, stateDir.toString());
        props.put(DetectorConfig.INPUT_TOPIC, INPUT);
        props.put(DetectorConfig.SCORED_TOPIC, SCORED);
        props.put(DetectorConfig.ALERTS_TOPIC, ALERTS);
        props.put(DetectorConfig.DLQ_TOPIC, DLQ);
        props.put(DetectorConfig.THRESHOLD_MODE, "global");
        props.put(DetectorConfig.SCORING_BACKGROUND, "false"); // a replay scores on the driver's thread, in step
        props.putAll(overrides);
        return new DetectorConfig(props);
    }

    private static BundleValidator validator(DetectorConfig config) {
        return new BundleValidator(BundleTrust.TRUST_ALL, Set.of(), config.getDouble(DetectorConfig.PROBE_TOLERANCE));
    }

    private static Properties streamsProperties(Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "vigil-evaluate");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "evaluate.invalid:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return props;
    }
}
