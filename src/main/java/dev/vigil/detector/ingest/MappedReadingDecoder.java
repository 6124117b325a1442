package dev.vigil.detector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.events.RejectReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;

/**
 * Sidecar decoding: picks entity, event time and features out of someone else's JSON or Avro records
 * with a {@link FieldMapping}. Avro needs the writer schema; both single-object and plain binary
 * encodings are read.
 */
public final class MappedReadingDecoder implements ReadingDecoder {
    private final FieldMapping mapping;
    private final WireFormat format;
    private final Schema avroSchema;

    /**
     * @param avroSchema writer schema of foreign Avro records, or null for JSON only
     */
    public MappedReadingDecoder(FieldMapping mapping, WireFormat format, Schema avroSchema) {
        this.mapping = mapping;
        this.format = format;
        this.avroSchema = avroSchema;
    }

    /** Reads a writer schema from an {@code .avsc} file. */
    public static Schema readSchema(Path file) throws IOException {
        return new Schema.Parser().parse(Files.readString(file));
    }

    @Override
    public InputReading decode(String key, byte[] value, long recordTimestamp) throws RejectedException {
        Function<FieldPath, Object> lookup = isAvro(value) ? avroLookup(readAvro(value)) : jsonLookup(value);
        String entity = text(lookup.apply(mapping.entity()));
        return InputReading.of(SensorReading.newBuilder()
                .setEntity(entity == null || entity.isEmpty() ? (key == null ? "" : key) : entity)
                .setTimestamp(Instant.ofEpochMilli(
                        mapping.timestamp() == null ? recordTimestamp : time(lookup.apply(mapping.timestamp()))))
                .setValues(features(lookup))
                .setTags(Map.of())
                .build());
    }

    private boolean isAvro(byte[] value) {
        return avroSchema != null && (format == WireFormat.AVRO || !(value.length > 0 && value[0] == '{'));
    }

    private GenericRecord readAvro(byte[] value) throws RejectedException {
        try {
            if (WireFormat.isSingleObjectAvro(value)) {
                return new BinaryMessageDecoder<GenericRecord>(GenericData.get(), avroSchema).decode(value);
            }
            var decoder = DecoderFactory.get().binaryDecoder(value, null);
            return new GenericDatumReader<GenericRecord>(avroSchema).read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw RejectedException.of(RejectReason.UNREADABLE, "not Avro of schema " + avroSchema.getFullName(), e);
        }
    }

    private static Function<FieldPath, Object> avroLookup(GenericRecord record) {
        return path -> scalar(path.resolve(record));
    }

    private static Function<FieldPath, Object> jsonLookup(byte[] value) throws RejectedException {
        JsonNode root = NativeReadingDecoder.parse(value);
        return path -> scalar(path.resolve(root));
    }

    private static Object scalar(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isNumber() ? (Object) node.numberValue() : node.isValueNode() ? node.asText() : node;
    }

    private static Object scalar(Object avro) {
        return avro instanceof CharSequence text ? text.toString() : avro;
    }

    private Map<String, Double> features(Function<FieldPath, Object> lookup) throws RejectedException {
        Map<String, Double> values = new LinkedHashMap<>();
        for (var feature : mapping.features().entrySet()) {
            Object raw = lookup.apply(feature.getValue());
            if (raw != null) {
                values.put(feature.getKey(), number(feature.getKey(), raw));
            }
        }
        return values;
    }

    private static double number(String feature, Object raw) throws RejectedException {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(raw.toString());
        } catch (NumberFormatException e) {
            throw RejectedException.of(RejectReason.MAPPING_FAILED, "feature " + feature + " is not a number: " + raw);
        }
    }

    private static String text(Object raw) throws RejectedException {
        if (raw == null || raw instanceof String || raw instanceof Number) {
            return raw == null ? null : raw.toString();
        }
        throw RejectedException.of(RejectReason.MAPPING_FAILED, "entity is not a string or number: " + raw);
    }

    private long time(Object raw) throws RejectedException {
        String where = "timestamp at " + mapping.timestamp();
        if (raw == null) {
            throw RejectedException.of(RejectReason.MAPPING_FAILED, "no timestamp at " + mapping.timestamp());
        }
        if (raw instanceof Number n) {
            return EventTimes.fromNumber(n, where);
        }
        if (raw instanceof String text) {
            return EventTimes.fromText(text, where);
        }
        throw EventTimes.notATime(where, raw, "give epoch milliseconds or an ISO-8601 instant");
    }
}
