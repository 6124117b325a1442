package dev.vigil.evaluate;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.models.BundleRefusedException;
import dev.vigil.detector.models.BundleTrust;
import dev.vigil.detector.models.BundleValidator;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ModelSources;
import dev.vigil.detector.topology.DetectorTopology;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The real detector topology ({@link DetectorTopology}, the production code path) in a
 * {@link TopologyTestDriver}, fed one entity's rows as {@link SensorReading}s keyed by entity; its
 * outputs are read as they come. A test row's reading id is its row number; warm-up rows (the last
 * training rows, so the window is full at the first test row) are marked and not evaluated.
 */
final class ReplaySession implements AutoCloseable {
    static final String INPUT = "eval.readings", SCORED = "eval.scored", ALERTS = "eval.alerts", DLQ = "eval.dlq";
    private static final AvroCodec<SensorReading> READINGS = AvroCodec.of(SensorReading.class);
    private static final AvroCodec<ScoredReading> SCORED_CODEC = AvroCodec.of(ScoredReading.class);
    private static final AvroCodec<AnomalyAlert> ALERT_CODEC = AvroCodec.of(AnomalyAlert.class);
    private static final AvroCodec<DeadLetter> DEAD_LETTER_CODEC = AvroCodec.of(DeadLetter.class);
    private static final String WARMUP_PREFIX = "warmup-";

    private final DetectorConfig config;
    private final EntityData entity;
    private final ModelHolder models;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> input;
    private final Map<String, TestOutputTopic<String, byte[]>> outputs = new HashMap<>();

    /** What the detector wrote since the last {@link #drain}: test rows' scored readings and the alerts. */
    record Drained(List<ScoredReading> scored, List<AnomalyAlert> alerts) {}

    ReplaySession(DetectorConfig config, ModelBundle bundle, EntityData entity) throws BundleRefusedException {
        this.config = config;
        this.entity = entity;
        this.models = new ModelHolder(validator(config), DetectorEvents.NOOP);
        models.apply(bundle);
        this.driver = new TopologyTestDriver(
                DetectorTopology.build(config, models, DetectorEvents.NOOP), streamsProperties(config));
        this.input = driver.createInputTopic(INPUT, new StringSerializer(), new ByteArraySerializer());
        for (String topic : List.of(SCORED, ALERTS, DLQ)) {
            outputs.put(topic, driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()));
        }
    }

    /** Hot-swaps {@code bundle} in, as the detector's model followers do. */
    void swap(ModelBundle bundle) throws BundleRefusedException {
        models.apply(bundle);
    }

    /** Sends the last {@code rows} training rows, whose outputs are not evaluated. */
    void warmUp(int rows) {
        int trainRows = entity.train().length;
        for (int i = Math.max(0, trainRows - rows); i < trainRows; i++) {
            send(WARMUP_PREFIX + i, entity.train()[i], entity.trainTimestamps()[i]);
        }
    }

    /** Sends test rows {@code from} (inclusive) to {@code to} (exclusive). */
    void sendTestRows(int from, int to) {
        for (int i = from; i < to; i++) {
            send(Integer.toString(i), entity.test()[i], entity.testTimestamps()[i]);
        }
    }

    /** Lets the scoring stage's punctuation score what it buffered. */
    void flush() {
        driver.advanceWallClockTime(Duration.ofMillis(config.getLong(DetectorConfig.PUNCTUATION_INTERVAL_MS) + 1));
    }

    /** Reads the new outputs into {@code out} and returns them (test rows only). */
    Drained drain(ReplayOutput out) throws IOException {
        List<ScoredReading> scored = new ArrayList<>();
        for (byte[] bytes : read(SCORED)) {
            ScoredReading reading = SCORED_CODEC.decode(bytes);
            String id = reading.getReading().getId();
            if (id != null && !id.startsWith(WARMUP_PREFIX)) {
                out.accept(Integer.parseInt(id), reading);
                scored.add(reading);
            }
        }
        List<AnomalyAlert> alerts = new ArrayList<>();
        for (byte[] bytes : read(ALERTS)) {
            alerts.add(ALERT_CODEC.decode(bytes));
            out.accept(alerts.get(alerts.size() - 1));
        }
        for (byte[] bytes : read(DLQ)) {
            out.deadLetter(DEAD_LETTER_CODEC.decode(bytes));
        }
        return new Drained(scored, alerts);
    }

    /** The reading a row becomes. */
    static SensorReading reading(EntityData entity, String id, double[] row, long time) {
        Map<String, Double> values = new HashMap<>();
        for (int f = 0; f < row.length; f++) {
            values.put(entity.featureNames().get(f), row[f]);
        }
        return SensorReading.newBuilder()
                .setEntity(entity.name())
                .setTimestamp(Instant.ofEpochMilli(time))
                .setValues(values)
                .setId(id)
                .build();
    }

    private void send(String id, double[] row, long time) {
        input.pipeInput(entity.name(), READINGS.encode(reading(entity, id, row, time)), time);
    }

    private List<byte[]> read(String topic) {
        return outputs.get(topic).readValuesToList();
    }

    private static BundleValidator validator(DetectorConfig config) {
        return new BundleValidator(
                BundleTrust.TRUST_ALL,
                Set.of(),
                config.getDouble(DetectorConfig.PROBE_TOLERANCE),
                ModelSources.onnxLimits(config));
    }

    private static Properties streamsProperties(DetectorConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "vigil-evaluate");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "evaluate.invalid:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(DetectorConfig.STATE_DIR));
        return props;
    }

    @Override
    public void close() {
        driver.close();
        models.close();
    }
}
