package dev.vigil.trainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Normal-behaviour data to learn from: one sequence per entity (a sensor, a server), rows in time
 * order, each row holding the raw values of the named features. Windows never cross entities.
 */
public final class TrainingData {
    private final List<String> featureNames;
    private final List<double[][]> sequences;

    private TrainingData(List<String> featureNames, List<double[][]> sequences) {
        this.featureNames = List.copyOf(featureNames);
        this.sequences = List.copyOf(sequences);
    }

    /**
     * Data from in-memory sequences.
     *
     * @param featureNames the F feature names, in model order
     * @param sequences one sequence per entity; rows in time order, each of F raw values
     * @throws IllegalArgumentException if there are no features, no rows, or a row has the wrong width
     */
    public static TrainingData of(List<String> featureNames, List<double[][]> sequences) {
        if (featureNames.isEmpty()) {
            throw new IllegalArgumentException("featureNames: at least one feature is needed");
        }
        for (double[][] sequence : sequences) {
            for (double[] row : sequence) {
                checkRow(featureNames.size(), row);
            }
        }
        TrainingData data = new TrainingData(featureNames, sequences);
        if (data.rows() == 0) {
            throw new IllegalArgumentException("sequences: no training rows");
        }
        return data;
    }

    private static void checkRow(int width, double[] row) {
        if (row.length != width) {
            throw new IllegalArgumentException("sequences: a row has " + row.length + " values, expected " + width);
        }
        for (double value : row) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("sequences: non-finite value " + value);
            }
        }
    }

    /**
     * Reads a CSV file with a header row, or a dataset directory (every {@code *_train.csv} in it,
     * one entity each, sorted by name). Columns {@code timestamp} and {@code label} are dropped; every
     * other column is a numeric feature. All files of a directory must share the same features.
     */
    public static TrainingData fromCsv(Path fileOrDatasetDir) {
        List<Path> files =
                Files.isDirectory(fileOrDatasetDir) ? trainFiles(fileOrDatasetDir) : List.of(fileOrDatasetDir);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("data: no *_train.csv files in " + fileOrDatasetDir);
        }
        List<String> names = null;
        List<double[][]> sequences = new ArrayList<>();
        for (Path file : files) {
            FeatureTable table = FeatureTable.read(file);
            if (names != null && !names.equals(table.featureNames())) {
                throw new IllegalArgumentException(
                        "data: " + file + " has features " + table.featureNames() + " but earlier files have " + names);
            }
            names = table.featureNames();
            sequences.add(table.rows());
        }
        return of(names, sequences);
    }

    private static List<Path> trainFiles(Path dir) {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> p.getFileName().toString().endsWith("_train.csv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Feature names in model order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Total rows over all entities. */
    public int rows() {
        return sequences.stream().mapToInt(s -> s.length).sum();
    }

    /** The per-entity sequences (not copied; do not modify). */
    public List<double[][]> sequences() {
        return sequences;
    }
}
