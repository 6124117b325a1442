package dev.vigil.detector;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.config.DetectorInputs;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.models.BundleTrust;
import dev.vigil.detector.models.BundleValidator;
import dev.vigil.detector.models.GroupModels;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ShadowModels;
import dev.vigil.detector.sinks.AvroSerde;
import dev.vigil.detector.topology.DetectorTopology;
import dev.vigil.detector.topology.InputRouting;
import dev.vigil.testkit.TestBundles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** A detector topology in a TopologyTestDriver, with helpers to pipe readings and read the outputs. */
final class DetectorHarness implements AutoCloseable {
    static final long T0 = 1_732_270_000_000L;
    static final AvroCodec<SensorReading> READINGS = AvroCodec.of(SensorReading.class);

    final DetectorConfig config;
    final ModelHolder models;
    final GroupModels groups;
    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> input;
    final TestOutputTopic<String, ScoredReading> scored;
    final TestOutputTopic<String, AnomalyAlert> alerts;
    final TestOutputTopic<String, DeadLetter> dlq;

    DetectorHarness(Map<String, Object> overrides, ModelBundle bundle, Path stateDir) {
        this(config(overrides, stateDir), holderWith(config(overrides, stateDir), bundle));
    }

    DetectorHarness(DetectorConfig config, ModelHolder models) {
        this(config, models, InputRouting.of(config, InputRouting.UNKNOWN), DetectorEvents.NOOP);
    }

    /** A harness whose input topic has the partitions of {@code routing} (the driver feeds partition 0). */
    DetectorHarness(DetectorConfig config, ModelHolder models, InputRouting routing, DetectorEvents events) {
        this(config, GroupModels.single(config.getString(DetectorConfig.MODEL_GROUP), models), routing, events);
    }

    /** A harness of a detector serving {@code groups} (of {@code model.groups}). */
    DetectorHarness(DetectorConfig config, GroupModels groups, InputRouting routing, DetectorEvents events) {
        this(config, groups, ShadowModels.NONE, routing, events);
    }

    /** A harness of a detector that also scores the shadow candidates of {@code shadows}. */
    DetectorHarness(
            DetectorConfig config,
            GroupModels groups,
            ShadowModels shadows,
            InputRouting routing,
            DetectorEvents events) {
        this.config = config;
        this.groups = groups;
        this.models = groups.primary();
        this.driver = new TopologyTestDriver(
                DetectorTopology.build(config, groups, shadows, events, routing),
                DetectorStreams.properties(config),
                Instant.ofEpochMilli(T0));
        this.input = driver.createInputTopic(
                config.getString(DetectorConfig.INPUT_TOPIC),
                Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        this.scored = output(DetectorConfig.SCORED_TOPIC, ScoredReading.class);
        this.alerts = output(DetectorConfig.ALERTS_TOPIC, AnomalyAlert.class);
        this.dlq = output(DetectorConfig.DLQ_TOPIC, DeadLetter.class);
    }

    static DetectorConfig config(Map<String, Object> overrides, Path stateDir) {
        Map<String, Object> values = new HashMap<>();
        values.put(DetectorConfig.APPLICATION_ID, "detector-test");
        values.put(DetectorConfig.STATE_DIR, stateDir.toString());
        values.put(DetectorConfig.SCORING_BATCH_SIZE, 1);
        values.put(DetectorConfig.SCORING_BACKGROUND, "false");
        values.putAll(overrides);
        return new DetectorConfig(values);
    }

    static ModelHolder holderWith(DetectorConfig config, ModelBundle bundle) {
        var validator = new BundleValidator(BundleTrust.TRUST_ALL, DetectorInputs.availableFeatures(config), 1e-3);
        ModelHolder holder = new ModelHolder(validator, DetectorEvents.NOOP);
        holder.offer(bundle);
        return holder;
    }

    <T extends org.apache.avro.specific.SpecificRecord> TestOutputTopic<String, T> output(String key, Class<T> type) {
        return driver.createOutputTopic(
                config.getString(key),
                Serdes.String().deserializer(),
                AvroSerde.of(type).deserializer());
    }

    /** Pipes a JSON reading of entity with the given values at T0 + offset seconds. */
    void json(String entity, int second, Map<String, Object> values) {
        pipe(entity, json(entity, T0 + second * 1000L, values));
    }

    static String json(String entity, long ts, Map<String, Object> values) {
        StringBuilder text = new StringBuilder("{\"entity\":\"" + entity + "\",\"ts\":" + ts + ",\"values\":{");
        values.forEach((name, value) ->
                text.append('"').append(name).append("\":").append(value).append(','));
        if (!values.isEmpty()) {
            text.setLength(text.length() - 1);
        }
        return text.append("}}").toString();
    }

    void pipe(String key, String value) {
        input.pipeInput(key, value.getBytes(StandardCharsets.UTF_8), Instant.ofEpochMilli(T0));
    }

    /** A normal reading: all features at the same latent level. */
    void normal(String entity, int second) {
        double v = TestBundles.normal(Math.sin(second));
        json(entity, second, Map.of("temp", v, "pressure", v, "flow", v));
    }

    /** A reading whose temperature is {@code sigmas} scales away from the others. */
    void spike(String entity, int second, double sigmas) {
        double v = TestBundles.normal(0.3);
        json(entity, second, Map.of("temp", v + 10 * sigmas, "pressure", v, "flow", v));
    }

    void tick(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    List<ScoredReading> scoredValues() {
        return scored.readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
        groups.close();
    }
}
