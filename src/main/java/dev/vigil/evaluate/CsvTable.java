package dev.vigil.evaluate;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A comma-separated file with a header row, read as raw string cells. */
record CsvTable(Path file, List<String> header, List<String[]> rows) {
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    /** Reads {@code file}; the first row is the header. */
    static CsvTable read(Path file) throws IOException {
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).readValues(file.toFile())) {
            if (!it.hasNext()) {
                throw new IOException(file + ": empty file, expected a header row");
            }
            List<String> header = List.of(trimmed(it.next()));
            List<String[]> rows = new ArrayList<>();
            while (it.hasNext()) {
                rows.add(checkedWidth(file, header.size(), trimmed(it.next()), rows.size() + 2));
            }
            return new CsvTable(file, header, rows);
        }
    }

    /** The index of {@code column} in the header, or -1 when absent. */
    int indexOf(String column) {
        return header.indexOf(column);
    }

    private static String[] trimmed(String[] cells) {
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = cells[i].trim();
        }
        return out;
    }

    private static String[] checkedWidth(Path file, int width, String[] row, int line) throws IOException {
        if (row.length != width) {
            throw new IOException(file + " line " + line + ": " + row.length + " cells, header has " + width);
        }
        return row;
    }
}
