package dev.vigil.evaluate;

import dev.vigil.dataset.CsvTable;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one dataset file split into time, features and labels. Files without a
 * {@code timestamp} column get synthetic times one {@link #SYNTHETIC_STEP_MS} apart.
 */
record TableColumns(
        List<String> featureNames, double[][] values, long[] timestamps, boolean[] labels, boolean syntheticTime) {
    static final String TIMESTAMP = "timestamp";
    static final String LABEL = "label";
    /** Spacing of synthetic timestamps: one minute. */
    static final long SYNTHETIC_STEP_MS = 60_000L;

    private static final long SYNTHETIC_ORIGIN_MS =
            Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    private static final DateTimeFormatter SPACE_SEPARATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static TableColumns of(CsvTable table, boolean labelled) throws IOException {
        int timeColumn = table.indexOf(TIMESTAMP);
        int labelColumn = table.indexOf(LABEL);
        if (labelled && labelColumn < 0) {
            throw new IOException(table.file() + ": test file has no '" + LABEL + "' column");
        }
        List<Integer> featureColumns = new ArrayList<>();
        for (int c = 0; c < table.header().size(); c++) {
            if (c != timeColumn && c != labelColumn) {
                featureColumns.add(c);
            }
        }
        List<String> names = featureColumns.stream().map(table.header()::get).toList();
        double[][] values = featureValues(table, featureColumns);
        boolean synthetic = timeColumn < 0;
        long[] times = synthetic ? syntheticTimes(table.rows().size(), SYNTHETIC_ORIGIN_MS) : times(table, timeColumn);
        return new TableColumns(names, values, times, labels(table, labelColumn), synthetic);
    }

    /** This file's timestamps, or synthetic ones that continue after {@code previous} when it has none. */
    long[] timestampsAfter(long[] previous) {
        if (!syntheticTime) {
            return timestamps;
        }
        long start = previous.length == 0 ? SYNTHETIC_ORIGIN_MS : previous[previous.length - 1] + SYNTHETIC_STEP_MS;
        return syntheticTimes(values.length, start);
    }

    private static double[][] featureValues(CsvTable table, List<Integer> columns) throws IOException {
        double[][] values = new double[table.rows().size()][columns.size()];
        for (int r = 0; r < values.length; r++) {
            String[] row = table.rows().get(r);
            for (int f = 0; f < columns.size(); f++) {
                values[r][f] = number(table, r, row[columns.get(f)]);
            }
        }
        return values;
    }

    private static double number(CsvTable table, int row, String cell) throws IOException {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IOException(table.file() + " data row " + (row + 1) + ": '" + cell + "' is not a number", e);
        }
    }

    private static boolean[] labels(CsvTable table, int column) throws IOException {
        boolean[] labels = new boolean[column < 0 ? 0 : table.rows().size()];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = number(table, r, table.rows().get(r)[column]) != 0.0;
        }
        return labels;
    }

    private static long[] times(CsvTable table, int column) throws IOException {
        long[] times = new long[table.rows().size()];
        for (int r = 0; r < times.length; r++) {
            times[r] = epochMillis(table, r, table.rows().get(r)[column]);
        }
        return times;
    }

    private static long epochMillis(CsvTable table, int row, String cell) throws IOException {
        try {
            if (cell.matches("-?\\d+")) {
                return Long.parseLong(cell);
            }
            if (cell.endsWith("Z")) {
                return Instant.parse(cell).toEpochMilli();
            }
            String local = cell.contains("T")
                    ? cell
                    : LocalDateTime.parse(cell, SPACE_SEPARATED).toString();
            return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IOException(table.file() + " data row " + (row + 1) + ": bad timestamp '" + cell + "'", e);
        }
    }

    private static long[] syntheticTimes(int count, long start) {
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = start + i * SYNTHETIC_STEP_MS;
        }
        return times;
    }
}
