package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.testkit.TestBundles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sidecar mode: entity, time and features picked out of someone else's JSON or Avro by nested paths. */
class SidecarMappingTest {
    @TempDir
    Path dir;

    private static final Schema SENSORS = SchemaBuilder.record("Sensors")
            .namespace("com.acme")
            .fields()
            .requiredDouble("t")
            .requiredDouble("p")
            .optionalDouble("f")
            .endRecord();
    private static final Schema DEVICE = SchemaBuilder.record("Device")
            .namespace("com.acme")
            .fields()
            .requiredString("id")
            .endRecord();
    private static final Schema FOREIGN = SchemaBuilder.record("Telemetry")
            .namespace("com.acme")
            .fields()
            .name("device")
            .type(DEVICE)
            .noDefault()
            .requiredLong("at")
            .name("sensors")
            .type(SENSORS)
            .noDefault()
            .endRecord();

    private Map<String, Object> mapping(String entity, String time, String features) {
        return Map.of(
                DetectorConfig.MAPPING_ENTITY, entity,
                DetectorConfig.MAPPING_TIMESTAMP, time,
                DetectorConfig.MAPPING_FEATURES, features,
                DetectorConfig.STATE_DIR, dir.resolve("state").toString());
    }

    @Test
    void foreignJsonIsMappedByNestedPaths() {
        var config =
                mapping("$.device.id", "$.time", "temp=payload.sensors.t,pressure=$.payload.sensors.p,flow=payload.f");
        try (var h = new DetectorHarness(config, TestBundles.linear(1), dir.resolve("state"))) {
            h.pipe(
                    null,
                    "{\"device\":{\"id\":\"pump-9\"},\"time\":\"2024-11-22T10:00:00Z\","
                            + "\"payload\":{\"sensors\":{\"t\":61,\"p\":61},\"f\":61}}");
            var out = h.scored.readKeyValue();
            assertEquals("pump-9", out.key);
            assertEquals(
                    Instant.parse("2024-11-22T10:00:00Z"),
                    out.value.getReading().getTimestamp());
            assertEquals(61.0, out.value.getReading().getValues().get("flow"));
            assertEquals(Verdict.NORMAL, out.value.getVerdict());
        }
    }

    @Test
    void foreignJsonWithAFieldOfTheWrongTypeIsDeadLettered() {
        var config = mapping("$.device.id", "", "temp=t,pressure=p,flow=f");
        try (var h = new DetectorHarness(config, TestBundles.linear(1), dir.resolve("state"))) {
            h.pipe("k", "{\"device\":{\"id\":\"pump-9\"},\"t\":\"warm\",\"p\":1,\"f\":1}");
            assertEquals("MAPPING_FAILED", h.dlq.readValue().getReason());
        }
    }

    @Test
    void foreignAvroIsReadInPlainBinaryAndSingleObjectEncoding() throws IOException {
        Path schemaFile = dir.resolve("telemetry.avsc");
        Files.writeString(schemaFile, FOREIGN.toString(true));
        var config =
                new java.util.HashMap<>(mapping("device.id", "at", "temp=sensors.t,pressure=sensors.p,flow=sensors.f"));
        config.put(DetectorConfig.INPUT_AVRO_SCHEMA_FILE, schemaFile.toString());
        config.put(DetectorConfig.INPUT_FORMAT, "avro");
        try (var h = new DetectorHarness(config, TestBundles.linear(1), dir.resolve("state"))) {
            GenericRecord record = telemetry("pump-4", DetectorHarness.T0, 55.0);
            h.input.pipeInput("pump-4", plainBinary(record), Instant.ofEpochMilli(DetectorHarness.T0));
            h.input.pipeInput(
                    "pump-4",
                    new BinaryMessageEncoder<GenericRecord>(GenericData.get(), FOREIGN)
                            .encode(record)
                            .array(),
                    Instant.ofEpochMilli(DetectorHarness.T0));
            List<ScoredReading> out = h.scoredValues();
            assertEquals(2, out.size(), () -> "dead letters: " + h.dlq.readValuesToList());
            assertTrue(out.stream().allMatch(r -> r.getReading().getEntity().equals("pump-4")));
            assertEquals(55.0, out.get(0).getReading().getValues().get("pressure"));
            assertEquals(
                    DetectorHarness.T0, out.get(1).getReading().getTimestamp().toEpochMilli());
        }
    }

    private static GenericRecord telemetry(String id, long at, double value) {
        GenericRecord device = new GenericData.Record(DEVICE);
        device.put("id", id);
        GenericRecord sensors = new GenericData.Record(SENSORS);
        sensors.put("t", value);
        sensors.put("p", value);
        sensors.put("f", value);
        GenericRecord record = new GenericData.Record(FOREIGN);
        record.put("device", device);
        record.put("at", at);
        record.put("sensors", sensors);
        return record;
    }

    private static byte[] plainBinary(GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(FOREIGN).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
