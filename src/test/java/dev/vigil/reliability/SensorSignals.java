package dev.vigil.reliability;

import dev.vigil.contract.avro.SensorReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Readings of {@value #FEATURES} sensors per entity, driven by two slow latent signals plus small
 * noise, so the model learns a low-dimensional normal manifold. An anomalous reading pushes two
 * sensors far off it. The same formulas give training rows and streamed readings.
 */
final class SensorSignals {
    static final int FEATURES = 3;
    static final List<String> NAMES = List.of("temp", "pressure", "flow");

    private SensorSignals() {}

    /** Raw values of entity {@code entity} at step {@code t}; {@code anomalous} pushes two sensors off. */
    static double[] row(int entity, long t, boolean anomalous, SplittableRandom noise) {
        double phase = entity * 0.7;
        double a = Math.sin(0.05 * t + phase);
        double b = Math.cos(0.013 * t + phase);
        double[] row = new double[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            double mix = Math.cos(f) * a + Math.sin(f + 1) * b;
            row[f] = 10 * f + (1 + f % 3) * mix + 0.02 * gaussian(noise);
        }
        if (anomalous) {
            row[1] += 15;
            row[2] -= 15;
        }
        return row;
    }

    /** Normal training sequences, one per entity. */
    static List<double[][]> trainingSequences(int entities, int rows, long seed) {
        SplittableRandom noise = new SplittableRandom(seed);
        List<double[][]> sequences = new ArrayList<>();
        for (int e = 0; e < entities; e++) {
            double[][] sequence = new double[rows][];
            for (int t = 0; t < rows; t++) {
                sequence[t] = row(e, t, false, noise);
            }
            sequences.add(sequence);
        }
        return sequences;
    }

    /** A reading with id {@code id} carrying {@code row} under the feature names. */
    static SensorReading reading(String id, String entity, long timestamp, double[] row) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int f = 0; f < FEATURES; f++) {
            values.put(NAMES.get(f), row[f]);
        }
        return SensorReading.newBuilder()
                .setId(id)
                .setEntity(entity)
                .setTimestamp(Instant.ofEpochMilli(timestamp))
                .setValues(values)
                .setTags(Map.of())
                .build();
    }

    private static double gaussian(SplittableRandom random) {
        double u = Math.max(1e-12, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
