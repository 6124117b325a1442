package dev.vigil.trainer;

import dev.vigil.dataset.CsvFormatException;
import dev.vigil.dataset.CsvTable;
import dev.vigil.dataset.NumericCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The numeric feature columns of a CSV file: {@code timestamp} and {@code label} dropped, every other
 * kept. Unquoted files are parsed straight to numbers ({@link NumericCsv}); others through {@link CsvTable}.
 */
record FeatureTable(List<String> featureNames, double[][] rows) {
    private static final Set<String> NOT_FEATURES = Set.of("timestamp", "label");

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException if the file is no well-formed table or a feature cell is not a number
     * @throws UncheckedIOException if the file cannot be read
     */
    static FeatureTable read(Path file) {
        Optional<NumericCsv.Table> fast = readNumeric(file);
        if (fast.isPresent()) {
            NumericCsv.Table t = fast.get();
            return new FeatureTable(
                    IntStream.of(t.columns()).mapToObj(t.header()::get).toList(), t.rows());
        }
        CsvTable table = readCsv(file);
        int[] features = featureColumns(table.header());
        List<String> names =
                IntStream.of(features).mapToObj(table.header()::get).toList();
        double[][] rows = new double[table.rows().size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = numbers(table, r, features);
        }
        return new FeatureTable(names, rows);
    }

    /** The unquoted-numeric fast path; empty for a file with quoting. */
    private static Optional<NumericCsv.Table> readNumeric(Path file) {
        try {
            return NumericCsv.read(file, FeatureTable::isFeature);
        } catch (CsvFormatException e) {
            throw new IllegalArgumentException("data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFeature(String column) {
        return !NOT_FEATURES.contains(column.toLowerCase(Locale.ROOT));
    }

    private static CsvTable readCsv(Path file) {
        try {
            return CsvTable.read(file);
        } catch (CsvFormatException e) {
            throw new IllegalArgumentException("data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] featureColumns(List<String> header) {
        return IntStream.range(0, header.size())
                .filter(c -> isFeature(header.get(c)))
                .toArray();
    }

    private static double[] numbers(CsvTable table, int row, int[] columns) {
        double[] values = new double[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = number(table, row, columns[i]);
        }
        return values;
    }

    private static double number(CsvTable table, int row, int column) {
        try {
            return Double.parseDouble(table.rows().get(row)[column]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "data: " + table.file() + " line " + CsvTable.lineOf(row) + " column " + (column + 1)
                            + " is not a number",
                    e);
        }
    }
}
