package dev.vigil.trainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The normal data {@link ModelImport} calibrates an imported model on: a CSV file (or a dataset
 * directory of {@code *_train.csv}, one entity each) read as {@link TrainingData}, its columns taken
 * in the order of the model's feature names, cut into every window of W readings of each entity
 * (flattened oldest first, as the detector feeds them).
 *
 * @param readings every reading, in the model's feature order (for the scaler and the feature means)
 * @param windows {@code rows × W·F} raw window values, row-major, each entity's in time order
 * @param rows number of windows
 * @param counts consecutive windows of each entity, in order
 */
record CalibrationSample(List<double[]> readings, float[] windows, int rows, int[] counts) {
    /** Fewest windows a threshold is calibrated on (the 0.995 quantile of 200 scores is the second highest). */
    static final int MIN_WINDOWS = 200;

    /**
     * Reads {@code file} for {@code features} in windows of {@code window}.
     *
     * @throws IllegalArgumentException if a feature has no column or there are fewer than {@value #MIN_WINDOWS} windows
     */
    static CalibrationSample read(Path file, List<String> features, int window) {
        TrainingData data = TrainingData.fromCsv(file);
        int[] columns = columns(data.featureNames(), features);
        List<double[]> readings = new ArrayList<>();
        List<float[]> windows = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (double[][] sequence : data.sequences()) {
            double[][] picked = pick(sequence, columns);
            readings.addAll(List.of(picked));
            int count = Math.max(0, picked.length - window + 1);
            for (int t = 0; t < count; t++) {
                windows.add(WindowSet.flatten(picked, t, window, features.size()));
            }
            counts.add(count);
        }
        if (windows.size() < MIN_WINDOWS) {
            throw new IllegalArgumentException("calibration sample " + file + ": " + windows.size() + " windows of "
                    + window + " readings, fewer than " + MIN_WINDOWS + " to calibrate thresholds on");
        }
        return new CalibrationSample(
                readings,
                WindowSet.pack(windows, window * features.size()),
                windows.size(),
                counts.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int[] columns(List<String> available, List<String> features) {
        int[] columns = new int[features.size()];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = available.indexOf(features.get(f));
            if (columns[f] < 0) {
                throw new IllegalArgumentException(
                        "calibration sample: no column '" + features.get(f) + "' (its columns are " + available + ")");
            }
        }
        return columns;
    }

    private static double[][] pick(double[][] sequence, int[] columns) {
        double[][] picked = new double[sequence.length][columns.length];
        for (int r = 0; r < sequence.length; r++) {
            for (int f = 0; f < columns.length; f++) {
                picked[r][f] = sequence[r][columns[f]];
            }
        }
        return picked;
    }

    /** {@code count} windows evenly spaced over the sample, for the probe batch. */
    float[] spaced(int count, int width) {
        float[] picked = new float[count * width];
        for (int i = 0; i < count; i++) {
            int source = (int) ((long) i * rows / count);
            System.arraycopy(windows, source * width, picked, i * width, width);
        }
        return picked;
    }
}
