package dev.vigil.trainer;

import java.util.ArrayList;
import java.util.List;

/**
 * Model inputs cut from per-entity sequences: the window for time t is rows t-W+1..t flattened oldest
 * first ({@code W*F} raw values). The last {@code validationSplit} of each entity's windows (in time)
 * is held out for validation, so validation never precedes training data of the same entity;
 * {@code validationCounts} says how many consecutive validation windows each sequence gave, in order.
 */
record WindowSet(
        float[] train,
        int trainRows,
        float[] validation,
        int validationRows,
        int width,
        List<double[]> trainReadings,
        int[] validationCounts) {

    static WindowSet cut(TrainingData data, int window, double validationSplit) {
        int features = data.featureNames().size();
        List<float[]> train = new ArrayList<>();
        List<float[]> validation = new ArrayList<>();
        List<double[]> readings = new ArrayList<>();
        List<Integer> heldPerSequence = new ArrayList<>();
        for (double[][] sequence : data.sequences()) {
            int count = sequence.length - window + 1;
            if (count <= 0) {
                continue;
            }
            int held = (int) Math.round(count * validationSplit);
            int trainCount = count - held;
            heldPerSequence.add(held);
            for (int t = 0; t < count; t++) {
                (t < trainCount ? train : validation).add(flatten(sequence, t, window, features));
            }
            for (int r = 0; r < trainCount + window - 1; r++) {
                readings.add(sequence[r]);
            }
        }
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException(
                    "data: too few rows for window " + window + " and validation split " + validationSplit + " ("
                            + data.rows() + " rows in " + data.sequences().size() + " sequences)");
        }
        int width = window * features;
        return new WindowSet(
                pack(train, width),
                train.size(),
                pack(validation, width),
                validation.size(),
                width,
                readings,
                heldPerSequence.stream().mapToInt(Integer::intValue).toArray());
    }

    static float[] flatten(double[][] sequence, int start, int window, int features) {
        float[] row = new float[window * features];
        for (int w = 0; w < window; w++) {
            for (int f = 0; f < features; f++) {
                row[w * features + f] = (float) sequence[start + w][f];
            }
        }
        return row;
    }

    static float[] pack(List<float[]> rows, int width) {
        float[] packed = new float[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, packed, i * width, width);
        }
        return packed;
    }
}
