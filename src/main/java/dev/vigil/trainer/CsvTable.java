package dev.vigil.trainer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A numeric CSV file with a header: feature columns kept, {@code timestamp} and {@code label} dropped. */
record CsvTable(List<String> featureNames, double[][] rows) {
    private static final Set<String> NOT_FEATURES = Set.of("timestamp", "label");

    static CsvTable read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException("data: " + file + " is empty");
            }
            String[] columns = header.split(",", -1);
            int[] keep = featureColumns(columns);
            List<String> names = new ArrayList<>();
            for (int c : keep) {
                names.add(columns[c].trim());
            }
            return new CsvTable(names, readRows(reader, keep, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] featureColumns(String[] columns) {
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            if (!NOT_FEATURES.contains(columns[c].trim().toLowerCase(Locale.ROOT))) {
                keep.add(c);
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[][] readRows(BufferedReader reader, int[] keep, Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            double[] row = new double[keep.length];
            for (int i = 0; i < keep.length; i++) {
                row[i] = parse(cells, keep[i], file, rows.size() + 2);
            }
            rows.add(row);
        }
        return rows.toArray(new double[0][]);
    }

    private static double parse(String[] cells, int column, Path file, int lineNumber) {
        try {
            return Double.parseDouble(cells[column].trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "data: " + file + " line " + lineNumber + " column " + (column + 1) + " is not a number", e);
        }
    }
}
