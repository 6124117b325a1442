package dev.vigil.detector.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.events.RejectReason;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes Vigil's own formats: {@code SensorReading} in Avro single-object encoding, or JSON like
 * {@code {"entity":"pump-7","ts":1732270000000,"values":{"temp":71.2}}}.
 */
public final class NativeReadingDecoder implements ReadingDecoder {
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final AvroCodec<SensorReading> AVRO = AvroCodec.of(SensorReading.class);

    private final WireFormat format;

    public NativeReadingDecoder(WireFormat format) {
        this.format = format;
    }

    @Override
    public InputReading decode(String key, byte[] value, long recordTimestamp) throws RejectedException {
        boolean avro = format.readsAsAvro(value);
        SensorReading reading = avro ? decodeAvro(value) : decodeJson(value, recordTimestamp);
        if (reading.getEntity() == null || reading.getEntity().isEmpty()) {
            reading.setEntity(key == null ? "" : key);
            return InputReading.of(reading);
        }
        return new InputReading(reading, avro && AVRO.isOwnSchema(value) ? value : null);
    }

    private static SensorReading decodeAvro(byte[] value) throws RejectedException {
        try {
            return AVRO.isOwnSchema(value) ? SensorReadingReader.read(value) : AVRO.decode(value);
        } catch (IOException | RuntimeException e) {
            throw RejectedException.of(
                    RejectReason.UNREADABLE, "not a SensorReading in Avro single-object encoding: " + e, e);
        }
    }

    private static SensorReading decodeJson(byte[] value, long recordTimestamp) throws RejectedException {
        JsonNode root = parse(value);
        JsonNode values = root.path("values");
        if (!values.isObject()) {
            throw RejectedException.of(RejectReason.UNREADABLE, "JSON reading has no \"values\" object");
        }
        long eventTime = eventTime(root.path("ts"), recordTimestamp);
        return SensorReading.newBuilder()
                .setEntity(
                        root.path("entity").isValueNode() ? root.path("entity").asText() : "")
                .setTimestamp(java.time.Instant.ofEpochMilli(eventTime))
                .setValues(numbers(values))
                .setTags(tags(root.path("tags")))
                .setId(root.path("id").isTextual() ? root.path("id").asText() : null)
                .build();
    }

    /** The event time of {@code ts}: epoch milliseconds, or the record timestamp when absent or null. */
    private static long eventTime(JsonNode ts, long recordTimestamp) throws RejectedException {
        if (ts.isMissingNode() || ts.isNull()) {
            return recordTimestamp;
        }
        if (ts.isNumber()) {
            return EventTimes.fromNumber(ts.numberValue(), "\"ts\"");
        }
        throw EventTimes.notATime("\"ts\"", ts, "give epoch milliseconds as a JSON number");
    }

    /** Parses exactly one JSON object: a value with anything but whitespace after the object is refused. */
    static JsonNode parse(byte[] value) throws RejectedException {
        try (JsonParser parser = JSON.createParser(value)) {
            JsonNode root = JSON.readTree(parser);
            if (root == null || !root.isObject()) {
                throw RejectedException.of(RejectReason.UNREADABLE, "value is not a JSON object");
            }
            refuseTrailingContent(parser);
            return root;
        } catch (IOException e) {
            throw RejectedException.of(RejectReason.UNREADABLE, "value is neither Avro nor JSON: " + e.getMessage(), e);
        }
    }

    private static void refuseTrailingContent(JsonParser parser) throws RejectedException {
        long end = parser.currentLocation().getByteOffset();
        boolean trailing;
        try {
            trailing = parser.nextToken() != null;
        } catch (IOException e) {
            trailing = true;
        }
        if (trailing) {
            throw RejectedException.of(
                    RejectReason.UNREADABLE,
                    "content after the end of the JSON object at byte " + end
                            + ": a record must hold exactly one JSON document");
        }
    }

    /** The {@code "tags"} object's scalar values as text (model groups may be routed by one); none when absent. */
    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var it = tags.fields(); it.hasNext(); ) {
            var field = it.next();
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                out.put(field.getKey(), field.getValue().asText());
            }
        }
        return out;
    }

    private static Map<String, Double> numbers(JsonNode values) throws RejectedException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (var it = values.fields(); it.hasNext(); ) {
            var field = it.next();
            if (!field.getValue().isNumber()) {
                throw RejectedException.of(
                        RejectReason.MAPPING_FAILED, "value of \"" + field.getKey() + "\" is not a number");
            }
            out.put(field.getKey(), field.getValue().asDouble());
        }
        return out;
    }
}
