package dev.vigil.detector.sinks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.contract.avro.Verdict;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ScoredReadingWriterTest {
    private static final AvroCodec<ScoredReading> AVRO = AvroCodec.of(ScoredReading.class);
    private static final AvroCodec<SensorReading> READINGS = AvroCodec.of(SensorReading.class);
    private final ScoredReadingWriter writer = new ScoredReadingWriter();
    private final Random random = new Random(7);

    @Test
    void writesTheBytesAvroWritesForEveryShapeOfRecord() throws Exception {
        for (int i = 0; i < 500; i++) {
            ScoredReading record = randomRecord();
            byte[] expected = AVRO.encode(record);
            assertArrayEquals(expected, writer.write(record), "record " + i + ": " + record);
            assertEquals(record, AVRO.decode(writer.write(record)));
        }
    }

    @Test
    void copyingTheReadingsOwnEncodingWritesTheSameBytes() {
        for (int i = 0; i < 200; i++) {
            ScoredReading record = randomRecord();
            byte[] readingAvro = READINGS.encode(record.getReading());
            assertArrayEquals(writer.write(record), writer.write(record, readingAvro), "record " + i);
        }
    }

    @Test
    void aReadingEncodedInAnotherValidWayIsCopiedAndDecodesTheSame() throws Exception {
        byte[] twoBlocks = readingWithValuesInTwoBlocks("pump-1", 1_732_270_000_000L, "temp", 71.5, "flow", -2.0);
        SensorReading reading = READINGS.decode(twoBlocks);
        assertEquals(Map.of("temp", 71.5, "flow", -2.0), reading.getValues());
        ScoredReading record = randomRecord();
        record.setReading(reading);

        byte[] copied = writer.write(record, twoBlocks);

        assertEquals(record, AVRO.decode(copied));
        assertEquals(writer.write(record).length + 1, copied.length, "the second block count is kept as it came");
    }

    /** A SensorReading whose values map is written as two blocks of one entry, as Avro allows. */
    private static byte[] readingWithValuesInTwoBlocks(
            String entity, long time, String name1, double value1, String name2, double value2) {
        var out = new AvroBinaryOutput();
        out.writeRaw(READINGS.header());
        out.writeString(entity);
        out.writeLong(time);
        out.writeLong(1);
        out.writeString(name1);
        out.writeDouble(value1);
        out.writeLong(1);
        out.writeString(name2);
        out.writeDouble(value2);
        out.writeLong(0);
        out.writeLong(0);
        out.writeLong(0);
        return out.toByteArray();
    }

    @Test
    void featureValuesReadLikeAMapInModelOrder() {
        var names = new FeatureValues.Names(List.of("temp", "Δp", "flow"));
        var values = new FeatureValues(names, new float[] {1.5f, -2f, 0.25f});
        assertEquals(Map.of("temp", 1.5, "Δp", -2.0, "flow", 0.25), values);
        assertEquals(List.of("temp", "Δp", "flow"), List.copyOf(values.keySet()));
        assertEquals(-2.0, values.get("Δp"));
        assertNull(values.get("absent"));
    }

    @Test
    void theSchemasStillHaveTheFieldsThisWriterWritesInThisOrder() {
        assertEquals(
                List.of(
                        "reading",
                        "verdict",
                        "score",
                        "threshold",
                        "percentile",
                        "featureErrors",
                        "expected",
                        "modelGroup",
                        "modelVersion",
                        "scoredAt"),
                fieldNames(ScoredReading.getClassSchema()));
        assertEquals(
                List.of("entity", "timestamp", "values", "tags", "id"), fieldNames(SensorReading.getClassSchema()));
    }

    private static List<String> fieldNames(Schema schema) {
        return schema.getFields().stream().map(Schema.Field::name).toList();
    }

    private ScoredReading randomRecord() {
        int features = random.nextInt(6);
        List<String> names = IntStream.range(0, features)
                .mapToObj(f -> f % 2 == 0 ? "f" + f : "température-" + f)
                .toList();
        var builder = ScoredReading.newBuilder()
                .setReading(randomReading(names))
                .setVerdict(Verdict.values()[random.nextInt(Verdict.values().length)])
                .setScore(maybe(random.nextGaussian() * 1e6))
                .setThreshold(maybe(random.nextDouble()))
                .setPercentile(maybe(random.nextDouble() * 100))
                .setModelGroup(random.nextBoolean() ? null : "group-" + random.nextInt(3))
                .setModelVersion(random.nextBoolean() ? null : random.nextLong())
                .setScoredAt(Instant.ofEpochMilli(random.nextLong(-1L << 40, 1L << 42)));
        if (random.nextBoolean()) {
            var known = new FeatureValues.Names(names);
            builder.setFeatureErrors(new FeatureValues(known, floats(features)))
                    .setExpected(new FeatureValues(known, floats(features)));
        } else {
            builder.setFeatureErrors(doubles(names)).setExpected(doubles(names));
        }
        return builder.build();
    }

    private SensorReading randomReading(List<String> names) {
        Map<String, String> tags = new HashMap<>();
        if (random.nextBoolean()) {
            tags.put("site", "north-" + random.nextInt(10));
            tags.put("", "");
        }
        return SensorReading.newBuilder()
                .setEntity(random.nextBoolean() ? "pump-" + random.nextInt(1000) : "")
                .setTimestamp(Instant.ofEpochMilli(random.nextLong(0, 1L << 41)))
                .setValues(doubles(names))
                .setTags(tags)
                .setId(random.nextBoolean() ? null : "id-" + random.nextInt())
                .build();
    }

    private Double maybe(double value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    private float[] floats(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(8) - 4));
        }
        return values;
    }

    private Map<String, Double> doubles(List<String> names) {
        Map<String, Double> values = new HashMap<>();
        for (String name : names) {
            values.put(name, random.nextInt(10) == 0 ? Double.NaN : random.nextGaussian() * 100);
        }
        return values;
    }
}
