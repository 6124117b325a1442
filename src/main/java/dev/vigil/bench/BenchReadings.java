package dev.vigil.bench;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Seeded synthetic sensor readings for benchmarks: {@code entities} entities in round-robin, each
 * reading carrying every named feature as a Gaussian value around a per-feature mean.
 */
public final class BenchReadings {
    private static final AvroCodec<SensorReading> CODEC = AvroCodec.of(SensorReading.class);

    private final List<String> featureNames;
    private final int entities;
    private final Random random;

    /** Readings over {@code featureNames} for {@code entities} entities, reproducible from {@code seed}. */
    public BenchReadings(List<String> featureNames, int entities, long seed) {
        this.featureNames = List.copyOf(featureNames);
        this.entities = entities;
        this.random = new Random(seed);
    }

    /** Feature names {@code f0 … f(n-1)}. */
    public static List<String> featureNames(int n) {
        return IntStream.range(0, n).mapToObj(i -> "f" + i).toList();
    }

    /** The entity (Kafka key) of reading number {@code index}. */
    public String entityOf(long index) {
        return "sensor-" + (index % entities);
    }

    /** Reading number {@code index} with event time {@code timestampMs}. */
    public SensorReading reading(long index, long timestampMs) {
        Map<String, Double> values = new HashMap<>();
        for (int f = 0; f < featureNames.size(); f++) {
            values.put(featureNames.get(f), 10.0 * (f + 1) + random.nextGaussian());
        }
        return SensorReading.newBuilder()
                .setEntity(entityOf(index))
                .setTimestamp(Instant.ofEpochMilli(timestampMs))
                .setValues(values)
                .build();
    }

    /** Reading number {@code index}, single-object encoded. */
    public byte[] encoded(long index, long timestampMs) {
        return CODEC.encode(reading(index, timestampMs));
    }

    /** {@code count} encoded readings, one second of event time apart from {@code startMs}. */
    public List<byte[]> encodedBatch(int count, long startMs) {
        List<byte[]> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(encoded(i, startMs + i * 1000L));
        }
        return batch;
    }
}
