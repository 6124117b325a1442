package dev.vigil.trainer.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Correlated sensor data for trainer tests: pressure follows temperature, flow opposes it. */
final class SyntheticSensors {
    static final List<String> FEATURES = List.of("temp", "pressure", "flow");

    private SyntheticSensors() {}

    /** One row around {@code level} with noise of {@code noise}. */
    static double[] row(Random random, double level, double noise) {
        double t = level + random.nextGaussian();
        return new double[] {
            20 + t,
            1 + 0.1 * t + noise * 0.05 * random.nextGaussian(),
            5 - 0.5 * t + noise * 0.2 * random.nextGaussian()
        };
    }

    /** {@code entities} sequences of {@code rows} rows, seeded. */
    static List<double[][]> sequences(int entities, int rows, double noise, long seed) {
        Random random = new Random(seed);
        List<double[][]> sequences = new ArrayList<>();
        for (int e = 0; e < entities; e++) {
            double[][] sequence = new double[rows][];
            for (int r = 0; r < rows; r++) {
                sequence[r] = row(random, Math.sin(r / 20.0), noise);
            }
            sequences.add(sequence);
        }
        return sequences;
    }

    /** The sequences as unscored segments. */
    static List<Segment> segments(List<double[][]> sequences, double[] score, long version) {
        List<Segment> segments = new ArrayList<>();
        for (double[][] sequence : sequences) {
            double[] scores = new double[sequence.length];
            long[] versions = new long[sequence.length];
            java.util.Arrays.fill(scores, score[0]);
            java.util.Arrays.fill(versions, version);
            segments.add(new Segment("e", sequence, scores, versions));
        }
        return segments;
    }
}
