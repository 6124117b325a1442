package dev.vigil.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test data: F sensors driven by two slow latent signals plus small noise, so normal rows lie near a
 * two-dimensional manifold; values are in original units (offsets and gains differ per feature).
 */
final class SyntheticSensors {
    private SyntheticSensors() {}

    static List<String> names(int features) {
        List<String> names = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            names.add("s" + f);
        }
        return names;
    }

    static TrainingData data(int entities, int rows, int features, long seed) {
        Random random = new Random(seed);
        List<double[][]> sequences = new ArrayList<>();
        for (int e = 0; e < entities; e++) {
            sequences.add(sequence(rows, features, random));
        }
        return TrainingData.of(names(features), sequences);
    }

    static double[][] sequence(int rows, int features, Random random) {
        double[][] out = new double[rows][];
        double phase = random.nextDouble() * 6;
        for (int t = 0; t < rows; t++) {
            out[t] = row(Math.sin(0.05 * t + phase), Math.cos(0.013 * t + phase), features, random);
        }
        return out;
    }

    static double[] row(double a, double b, int features, Random random) {
        double[] row = new double[features];
        for (int f = 0; f < features; f++) {
            double mix = Math.cos(f) * a + Math.sin(f + 1) * b;
            row[f] = 10 * f + (1 + f % 3) * mix + 0.02 * random.nextGaussian();
        }
        return row;
    }
}
