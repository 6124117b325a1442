package dev.vigil.detector.ingest;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a {@code SensorReading} in Avro single-object encoding with the current schema: the record
 * {@link AvroCodec#decode} returns for the same bytes (pinned by {@code SensorReadingReaderTest}), at a
 * fraction of the cost. Avro's generic reader resolves the schema field by field, converts the
 * timestamp through its logical-type machinery and decodes every map key into a new string; one
 * record per input reading reaches the detector, and that was the largest cost of ingest. Here the
 * body is read straight from the array, and strings that repeat (feature names, tag names and
 * values, entities) come from a bounded per-thread table ({@link RepeatedStrings}), so the detector's
 * lookups by feature name hash each name once.
 *
 * <p>Follows the field order of {@code schemas/SensorReading.avsc}; the test fails if the schema
 * changes without this reader. Bytes of other schemas go to {@link AvroCodec#decode}.
 */
final class SensorReadingReader {
    private static final ThreadLocal<RepeatedStrings> STRINGS = ThreadLocal.withInitial(RepeatedStrings::new);

    private final byte[] bytes;
    private final RepeatedStrings strings;
    private int at;

    private SensorReadingReader(byte[] bytes, RepeatedStrings strings) {
        this.bytes = bytes;
        this.strings = strings;
        this.at = AvroCodec.HEADER_BYTES;
    }

    /**
     * The reading in {@code bytes}, which must carry the current schema's header.
     *
     * @throws IOException if the body is truncated, malformed, or followed by other bytes
     */
    static SensorReading read(byte[] bytes) throws IOException {
        try {
            return new SensorReadingReader(bytes, STRINGS.get()).reading();
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new IOException("truncated SensorReading", e);
        }
    }

    private SensorReading reading() throws IOException {
        String entity = string();
        long timestamp = varLong();
        Map<String, Double> values = doubles();
        Map<String, String> tags = tags();
        String id = optionalString();
        if (at != bytes.length) {
            throw new IOException("bytes left after the SensorReading record: the writer used another schema than"
                    + " its header names");
        }
        return new SensorReading(entity, Instant.ofEpochMilli(timestamp), values, tags, id);
    }

    private Map<String, Double> doubles() throws IOException {
        Map<String, Double> map = null;
        for (long count = blockCount(); count != 0; count = blockCount()) {
            map = map == null ? new HashMap<>(capacity(count)) : map;
            for (long i = 0; i < count; i++) {
                String name = string();
                map.put(name, Double.longBitsToDouble(fixedLong()));
            }
        }
        return map == null ? new HashMap<>() : map;
    }

    private Map<String, String> tags() throws IOException {
        Map<String, String> map = new HashMap<>();
        for (long count = blockCount(); count != 0; count = blockCount()) {
            for (long i = 0; i < count; i++) {
                String name = string();
                map.put(name, string());
            }
        }
        return map;
    }

    private String optionalString() throws IOException {
        long branch = varLong();
        if (branch == 0) {
            return null;
        }
        if (branch != 1) {
            throw new IOException("union branch " + branch + " of the id field does not exist");
        }
        return string();
    }

    /** A map block's item count; a negative count is followed by the block's size in bytes (skipped). */
    private long blockCount() throws IOException {
        long count = varLong();
        if (count < 0) {
            varLong();
            count = -count;
        }
        if (count > bytes.length) {
            throw new IOException("map block of " + count + " entries in " + bytes.length + " bytes");
        }
        return count;
    }

    private static int capacity(long entries) {
        return (int) Math.min(1 << 16, entries * 4 / 3 + 1);
    }

    private String string() throws IOException {
        long length = varLong();
        if (length < 0 || length > bytes.length - at) {
            throw new IOException("string of " + length + " bytes at byte " + at + " of " + bytes.length);
        }
        String text = strings.of(bytes, at, (int) length);
        at += (int) length;
        return text;
    }

    /** A zig-zag variable-length long, as Avro writes ints and longs. */
    private long varLong() throws IOException {
        long raw = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = bytes[at++];
            raw |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new IOException("variable-length long longer than 10 bytes at byte " + at);
    }

    /** Eight bytes little-endian, as Avro writes a double. */
    private long fixedLong() {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xffL);
        }
        at += 8;
        return value;
    }
}
