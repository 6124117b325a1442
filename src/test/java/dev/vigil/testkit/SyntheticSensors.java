package dev.vigil.testkit;

import dev.vigil.contract.avro.SensorReading;
import dev.vigil.trainer.TrainingData;
import dev.vigil.trainer.service.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Seeded sensor data for tests, of two kinds. <em>Manifold</em> data: F sensors driven by two slow
 * latent signals plus small noise, so normal rows lie near a two-dimensional manifold; values are in
 * original units (offsets and gains differ per feature); {@link #signalRow} streams the same shape
 * per entity and can push two sensors off it. <em>Correlated</em> data over {@link #FEATURES}:
 * pressure follows temperature, flow opposes it.
 */
public final class SyntheticSensors {
    /** The three sensors of the correlated data and of the streamed signals. */
    public static final List<String> FEATURES = List.of("temp", "pressure", "flow");

    private SyntheticSensors() {}

    /** Manifold feature names {@code s0 … s(F-1)}. */
    public static List<String> names(int features) {
        List<String> names = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            names.add("s" + f);
        }
        return names;
    }

    /** Manifold training data: {@code entities} sequences of {@code rows} rows, seeded. */
    public static TrainingData data(int entities, int rows, int features, long seed) {
        Random random = new Random(seed);
        List<double[][]> sequences = new ArrayList<>();
        for (int e = 0; e < entities; e++) {
            sequences.add(sequence(rows, features, random));
        }
        return TrainingData.of(names(features), sequences);
    }

    /** One manifold sequence with a random phase. */
    public static double[][] sequence(int rows, int features, Random random) {
        double[][] out = new double[rows][];
        double phase = random.nextDouble() * 6;
        for (int t = 0; t < rows; t++) {
            out[t] = row(Math.sin(0.05 * t + phase), Math.cos(0.013 * t + phase), features, random);
        }
        return out;
    }

    /** One manifold row for latent values {@code a} and {@code b}. */
    public static double[] row(double a, double b, int features, Random random) {
        double[] row = new double[features];
        for (int f = 0; f < features; f++) {
            double mix = Math.cos(f) * a + Math.sin(f + 1) * b;
            row[f] = 10 * f + (1 + f % 3) * mix + 0.02 * random.nextGaussian();
        }
        return row;
    }

    /** Raw manifold values of entity {@code entity} at step {@code t}; {@code anomalous} pushes two sensors off. */
    public static double[] signalRow(int entity, long t, boolean anomalous, SplittableRandom noise) {
        double phase = entity * 0.7;
        double a = Math.sin(0.05 * t + phase);
        double b = Math.cos(0.013 * t + phase);
        double[] row = new double[FEATURES.size()];
        for (int f = 0; f < row.length; f++) {
            double mix = Math.cos(f) * a + Math.sin(f + 1) * b;
            row[f] = 10 * f + (1 + f % 3) * mix + 0.02 * gaussian(noise);
        }
        if (anomalous) {
            row[1] += 15;
            row[2] -= 15;
        }
        return row;
    }

    /** Normal {@link #signalRow} training sequences, one per entity. */
    public static List<double[][]> trainingSequences(int entities, int rows, long seed) {
        SplittableRandom noise = new SplittableRandom(seed);
        List<double[][]> sequences = new ArrayList<>();
        for (int e = 0; e < entities; e++) {
            double[][] sequence = new double[rows][];
            for (int t = 0; t < rows; t++) {
                sequence[t] = signalRow(e, t, false, noise);
            }
            sequences.add(sequence);
        }
        return sequences;
    }

    /** A reading with id {@code id} carrying {@code row} under {@link #FEATURES}. */
    public static SensorReading reading(String id, String entity, long timestamp, double[] row) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int f = 0; f < FEATURES.size(); f++) {
            values.put(FEATURES.get(f), row[f]);
        }
        return SensorReading.newBuilder()
                .setId(id)
                .setEntity(entity)
                .setTimestamp(Instant.ofEpochMilli(timestamp))
                .setValues(values)
                .setTags(Map.of())
                .build();
    }

    /** One correlated row around {@code level} with noise of {@code noise}. */
    public static double[] correlatedRow(Random random, double level, double noise) {
        double t = level + random.nextGaussian();
        return new double[] {
            20 + t,
            1 + 0.1 * t + noise * 0.05 * random.nextGaussian(),
            5 - 0.5 * t + noise * 0.2 * random.nextGaussian()
        };
    }

    /** {@code entities} correlated sequences of {@code rows} rows, seeded. */
    public static List<double[][]> sequences(int entities, int rows, double noise, long seed) {
        Random random = new Random(seed);
        List<double[][]> sequences = new ArrayList<>();
        for (int e = 0; e < entities; e++) {
            double[][] sequence = new double[rows][];
            for (int r = 0; r < rows; r++) {
                sequence[r] = correlatedRow(random, Math.sin(r / 20.0), noise);
            }
            sequences.add(sequence);
        }
        return sequences;
    }

    /** The sequences as segments of entity {@code e}, every row scored {@code score[0]} by {@code version}. */
    public static List<Segment> segments(List<double[][]> sequences, double[] score, long version) {
        List<Segment> segments = new ArrayList<>();
        for (double[][] sequence : sequences) {
            double[] scores = new double[sequence.length];
            long[] versions = new long[sequence.length];
            Arrays.fill(scores, score[0]);
            Arrays.fill(versions, version);
            segments.add(new Segment("e", sequence, scores, versions));
        }
        return segments;
    }

    private static double gaussian(SplittableRandom random) {
        double u = Math.max(1e-12, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
