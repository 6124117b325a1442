package dev.vigil.detector.sinks;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a {@link ScoredReading} in Avro single-object encoding: the bytes {@link AvroCodec} writes
 * for the same record (pinned by {@code ScoredReadingWriterTest}), at a fraction of the cost. One
 * record per input reading leaves the detector, and Avro's generic writer (field resolution,
 * boxing, a fresh UTF-8 encoding of every map key) was the largest cost left on the stream thread.
 * Map keys that repeat, the feature names, are encoded once: per model for {@link FeatureValues},
 * in a bounded per-thread table for the reading's own value names. When the input reading's own
 * single-object encoding is known ({@link ScoredOutput#readingAvro()}), its body is copied as the
 * {@code reading} field: the same schema, so a reader decodes the same reading.
 *
 * <p>Follows the field order of {@code schemas/ScoredReading.avsc} and {@code SensorReading.avsc};
 * the test fails if either schema changes without this writer.
 */
public final class ScoredReadingWriter {
    static final int MAX_CACHED_NAMES = 4096;
    private static final byte[] HEADER = AvroCodec.of(ScoredReading.class).header();

    private final AvroBinaryOutput out = new AvroBinaryOutput();
    private final Map<String, byte[]> names = new HashMap<>();

    private static final ThreadLocal<ScoredReadingWriter> PER_THREAD =
            ThreadLocal.withInitial(ScoredReadingWriter::new);

    /** A serializer for the scored topic (thread-safe: one writer per thread). */
    public static Serializer<ScoredOutput> serializer() {
        return (topic, output) -> output == null ? null : PER_THREAD.get().write(output.record(), output.readingAvro());
    }

    /** The single-object encoding of {@code record}. */
    public byte[] write(ScoredReading record) {
        return write(record, null);
    }

    /**
     * The single-object encoding of {@code record}, copying the reading's body from {@code readingAvro}
     * (its single-object encoding with the current schema) unless that is null.
     */
    public byte[] write(ScoredReading record, byte[] readingAvro) {
        out.reset();
        out.writeRaw(HEADER);
        if (readingAvro == null) {
            writeReading(record.getReading());
        } else {
            out.writeRaw(readingAvro, AvroCodec.HEADER_BYTES, readingAvro.length - AvroCodec.HEADER_BYTES);
        }
        out.writeLong(record.getVerdict().ordinal());
        writeOptional(record.getScore());
        writeOptional(record.getThreshold());
        writeOptional(record.getPercentile());
        writeDoubles(record.getFeatureErrors());
        writeDoubles(record.getExpected());
        writeOptional(record.getModelGroup());
        writeOptional(record.getModelVersion());
        out.writeLong(record.getScoredAt().toEpochMilli());
        return out.toByteArray();
    }

    private void writeReading(SensorReading reading) {
        out.writeString(reading.getEntity());
        out.writeLong(reading.getTimestamp().toEpochMilli());
        writeDoubles(reading.getValues());
        writeMap(reading.getTags(), out::writeString);
        writeOptional(reading.getId());
    }

    private void writeDoubles(Map<String, Double> map) {
        if (map instanceof FeatureValues values) {
            values.writeTo(out);
            return;
        }
        writeMap(map, out::writeDouble);
    }

    /** An Avro map: one block of every entry (names from the cache), then the end marker. */
    private <V> void writeMap(Map<String, V> map, Consumer<V> writeValue) {
        if (!map.isEmpty()) {
            out.writeLong(map.size());
            for (Map.Entry<String, V> entry : map.entrySet()) {
                out.writeUtf8(name(entry.getKey()));
                writeValue.accept(entry.getValue());
            }
        }
        out.writeLong(0);
    }

    private void writeOptional(Double value) {
        out.writeLong(value == null ? 0 : 1);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    private void writeOptional(Long value) {
        out.writeLong(value == null ? 0 : 1);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private void writeOptional(String value) {
        out.writeLong(value == null ? 0 : 1);
        if (value != null) {
            out.writeString(value);
        }
    }

    private byte[] name(String key) {
        byte[] utf8 = names.get(key);
        if (utf8 == null) {
            utf8 = key.getBytes(StandardCharsets.UTF_8);
            if (names.size() < MAX_CACHED_NAMES) {
                names.put(key, utf8);
            }
        }
        return utf8;
    }
}
