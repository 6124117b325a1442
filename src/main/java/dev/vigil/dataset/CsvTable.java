package dev.vigil.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated file with a header row, read as trimmed string cells: the one CSV reader of
 * Vigil. Quoted fields (RFC 4180), a UTF-8 byte-order mark and blank lines (skipped) are handled;
 * every data row must have as many cells as the header.
 *
 * @param file where the table was read from, for messages
 * @param header the column names, in file order
 * @param rows the data rows in file order, each of {@code header.size()} cells
 */
public record CsvTable(Path file, List<String> header, List<String[]> rows) {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    /**
     * Reads {@code file}; the first row is the header.
     *
     * @throws CsvFormatException if the file is empty, a row's width differs from the header's, or the
     *     quoting is malformed
     * @throws IOException if the file cannot be read
     */
    public static CsvTable read(Path file) throws IOException {
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).readValues(file.toFile())) {
            if (!it.hasNext()) {
                throw new CsvFormatException(file + ": empty file, expected a header row");
            }
            List<String> header = List.of(trimmed(it.next()));
            List<String[]> rows = new ArrayList<>();
            while (it.hasNext()) {
                rows.add(checkedWidth(file, header.size(), trimmed(it.next()), lineOf(rows.size())));
            }
            return new CsvTable(file, header, rows);
        } catch (JsonProcessingException e) {
            throw new CsvFormatException(file + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The index of {@code column} in the header, or -1 when absent. */
    public int indexOf(String column) {
        return header.indexOf(column);
    }

    /** The line number of data row {@code row} (from 0), the header being line 1 and blank lines not counted. */
    public static int lineOf(int row) {
        return row + 2;
    }

    private static String[] trimmed(String[] cells) {
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = cells[i].trim();
        }
        return out;
    }

    private static String[] checkedWidth(Path file, int width, String[] row, int line) throws CsvFormatException {
        if (row.length != width) {
            throw new CsvFormatException(file + " line " + line + ": " + row.length + " cells, header has " + width);
        }
        return row;
    }
}
