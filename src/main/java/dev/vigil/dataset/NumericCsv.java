package dev.vigil.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A fast reader for the common case of {@link CsvTable}: a header row and unquoted numeric cells. It
 * parses the selected columns straight from the file's bytes to {@code double}s, with the same rules
 * (UTF-8 byte-order mark, blank lines skipped, cells trimmed, every row as wide as the header) and
 * the same line numbers in its messages. Numbers are those of {@link Double#parseDouble}, bit for
 * bit: short decimals take an exact fast path, anything else goes to {@code parseDouble} itself.
 * A file with a double quote anywhere is left to {@link CsvTable} (empty result).
 */
public final class NumericCsv {
    private static final byte QUOTE = '"';

    private NumericCsv() {}

    /**
     * The header, the indexes of the kept columns, and one row of kept values per data row.
     *
     * @param header every column name, in file order
     * @param columns the indexes of the columns kept, increasing
     * @param rows the kept columns' values, one array per data row
     */
    public record Table(List<String> header, int[] columns, double[][] rows) {}

    /**
     * Reads {@code file}, keeping the columns whose name {@code keep} accepts.
     *
     * @return the table, or empty when the file uses quoting (read it with {@link CsvTable})
     * @throws CsvFormatException if the file is empty, a row is ragged or a kept cell is not a number
     * @throws IOException if the file cannot be read
     */
    public static Optional<Table> read(Path file, Predicate<String> keep) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == QUOTE) {
                return Optional.empty();
            }
        }
        return Optional.of(new Parser(file, bytes).table(keep));
    }

    /** One pass over the bytes. */
    private static final class Parser {
        private final Path file;
        private final byte[] bytes;
        private int pos;

        Parser(Path file, byte[] bytes) {
            this.file = file;
            this.bytes = bytes;
            this.pos = startsWithBom(bytes) ? 3 : 0;
        }

        private static boolean startsWithBom(byte[] b) {
            return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
        }

        Table table(Predicate<String> keep) throws CsvFormatException {
            skipBlankLines();
            if (pos >= bytes.length) {
                throw new CsvFormatException(file + ": empty file, expected a header row");
            }
            List<String> header = headerCells();
            int[] columns = java.util.stream.IntStream.range(0, header.size())
                    .filter(c -> keep.test(header.get(c)))
                    .toArray();
            List<double[]> rows = new ArrayList<>();
            skipBlankLines();
            while (pos < bytes.length) {
                rows.add(row(header.size(), columns, CsvTable.lineOf(rows.size())));
                skipBlankLines();
            }
            return new Table(header, columns, rows.toArray(new double[0][]));
        }

        private List<String> headerCells() {
            int end = lineEnd();
            List<String> cells = new ArrayList<>();
            int start = pos;
            for (int i = pos; i <= end; i++) {
                if (i == end || bytes[i] == ',') {
                    cells.add(new String(bytes, start, i - start, StandardCharsets.UTF_8).trim());
                    start = i + 1;
                }
            }
            pos = end;
            return List.copyOf(cells);
        }

        private double[] row(int width, int[] columns, int line) throws CsvFormatException {
            int end = lineEnd();
            double[] values = new double[columns.length];
            int cell = 0;
            int kept = 0;
            int start = pos;
            for (int i = pos; i <= end; i++) {
                if (i == end || bytes[i] == ',') {
                    if (kept < columns.length && columns[kept] == cell) {
                        values[kept++] = number(start, i, line, cell);
                    }
                    cell++;
                    start = i + 1;
                }
            }
            if (cell != width) {
                throw new CsvFormatException(file + " line " + line + ": " + cell + " cells, header has " + width);
            }
            pos = end;
            return values;
        }

        private double number(int from, int to, int line, int cell) throws CsvFormatException {
            while (from < to && bytes[from] <= ' ') {
                from++;
            }
            while (to > from && bytes[to - 1] <= ' ') {
                to--;
            }
            double fast = Decimal.parse(bytes, from, to);
            if (!Double.isNaN(fast)) {
                return fast;
            }
            try {
                return Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.UTF_8));
            } catch (NumberFormatException e) {
                throw new CsvFormatException(file + " line " + line + " column " + (cell + 1) + " is not a number", e);
            }
        }

        /** Index of the end of the current line (its '\n' or '\r', or the end of the file). */
        private int lineEnd() {
            int i = pos;
            while (i < bytes.length && bytes[i] != '\n' && bytes[i] != '\r') {
                i++;
            }
            return i;
        }

        /** Skips line breaks and lines holding only spaces or tabs. */
        private void skipBlankLines() {
            int i = pos;
            while (i < bytes.length) {
                byte b = bytes[i];
                if (b == '\n' || b == '\r') {
                    pos = ++i;
                } else if (b == ' ' || b == '\t') {
                    i++;
                } else {
                    return;
                }
            }
            pos = i;
        }
    }
}
