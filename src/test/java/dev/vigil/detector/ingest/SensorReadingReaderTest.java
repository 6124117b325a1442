package dev.vigil.detector.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** {@link SensorReadingReader} reads what Avro's own reader reads, and refuses what it refuses. */
class SensorReadingReaderTest {
    private static final AvroCodec<SensorReading> AVRO = AvroCodec.of(SensorReading.class);

    private static SensorReading reading(SplittableRandom random) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int f = random.nextInt(0, 40); f > 0; f--) {
            values.put("f" + random.nextInt(100), random.nextGaussian() * Math.pow(10, random.nextInt(-5, 8)));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            tags.put("site", "hall-" + random.nextInt(3));
            tags.put("firmware", "v" + random.nextInt(1000) + "-é");
        }
        String entity =
                random.nextInt(10) == 0 ? "pümp-" + "x".repeat(random.nextInt(100)) : "pump-" + random.nextInt(50);
        String id = random.nextBoolean() ? null : Long.toHexString(random.nextLong());
        return new SensorReading(entity, Instant.ofEpochMilli(random.nextLong(0, 1L << 45)), values, tags, id);
    }

    @Test
    void readsWhatAvroReads() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = AVRO.encode(reading(random));
            assertEquals(AVRO.decode(bytes), SensorReadingReader.read(bytes));
        }
    }

    @Test
    void readsSpecialDoublesAndNegativeTimes() throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("nan", Double.NaN);
        values.put("inf", Double.NEGATIVE_INFINITY);
        values.put("tiny", Double.MIN_VALUE);
        values.put("zero", -0.0);
        byte[] bytes = AVRO.encode(new SensorReading("e", Instant.ofEpochMilli(-5), values, Map.of(), null));
        assertEquals(AVRO.decode(bytes), SensorReadingReader.read(bytes));
    }

    @Test
    void repeatedNamesAreTheSameString() throws IOException {
        byte[] bytes = AVRO.encode(new SensorReading("e", Instant.EPOCH, Map.of("temp", 1.0), Map.of(), null));
        String first =
                SensorReadingReader.read(bytes).getValues().keySet().iterator().next();
        String second =
                SensorReadingReader.read(bytes).getValues().keySet().iterator().next();
        assertSame(first, second);
    }

    /** Avro writers may split a map into blocks with negative counts followed by byte sizes. */
    @Test
    void readsMapsWrittenInSizedBlocks() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(AVRO.header());
        BinaryEncoder body = EncoderFactory.get().binaryEncoder(out, null);
        body.writeString("pump-1");
        body.writeLong(1_732_270_000_000L);
        body.writeLong(-2); // a block of two entries, then its size in bytes
        body.writeLong(2 * (1 + 1 + 8));
        body.writeString("a");
        body.writeDouble(1.5);
        body.writeString("b");
        body.writeDouble(-2.5);
        body.writeLong(1);
        body.writeString("c");
        body.writeDouble(3.5);
        body.writeLong(0);
        body.writeLong(0); // no tags
        body.writeIndex(1);
        body.writeString("id-7");
        body.flush();
        byte[] bytes = out.toByteArray();
        SensorReading read = SensorReadingReader.read(bytes);
        assertEquals(AVRO.decode(bytes), read);
        assertEquals(Map.of("a", 1.5, "b", -2.5, "c", 3.5), read.getValues());
    }

    @Test
    void refusesTruncatedAndTrailingBytes() throws IOException {
        byte[] bytes = AVRO.encode(reading(new SplittableRandom(5)));
        for (int cut = AvroCodec.HEADER_BYTES; cut < bytes.length; cut++) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThrows(IOException.class, () -> SensorReadingReader.read(truncated), "cut at " + cut);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(IOException.class, () -> SensorReadingReader.read(longer));
        assertThrows(IOException.class, () -> AVRO.decode(longer));
    }

    @Test
    void refusesAnUnknownUnionBranch() throws IOException {
        byte[] bytes = AVRO.encode(new SensorReading("e", Instant.EPOCH, Map.of("a", 1.0), Map.of(), null));
        bytes[bytes.length - 1] = 4; // the id's union index: 2, which the schema does not have
        byte[] bad = bytes;
        assertThrows(IOException.class, () -> SensorReadingReader.read(bad));
        assertThrows(RuntimeException.class, () -> AVRO.decode(bad)); // Avro's AvroTypeException
    }
}
