package dev.vigil.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @TempDir
    Path dir;

    @Test
    void quotedFieldsKeepTheirCommasAndDoubledQuotes() throws IOException {
        CsvTable table = CsvTable.read(write("timestamp,\"name, with comma\",note\n1,\"2\",\"say \"\"hi\"\"\"\n"));
        assertEquals(List.of("timestamp", "name, with comma", "note"), table.header());
        assertArrayEquals(new String[] {"1", "2", "say \"hi\""}, table.rows().get(0));
    }

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
        CsvTable table = CsvTable.read(write("\uFEFFtimestamp,a\n1,2\n"));
        assertEquals(0, table.indexOf("timestamp"));
        assertEquals(List.of("timestamp", "a"), table.header());
    }

    @Test
    void cellsAreTrimmedAndBlankLinesSkipped() throws IOException {
        CsvTable table = CsvTable.read(write(" a , b\n\n 1 ,2\n\n3, 4 \n\n"));
        assertEquals(List.of("a", "b"), table.header());
        assertEquals(2, table.rows().size());
        assertArrayEquals(new String[] {"3", "4"}, table.rows().get(1));
    }

    @Test
    void anEmptyFileHasNoHeader() throws IOException {
        Path file = write("");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvTable.read(file));
        assertTrue(e.getMessage().contains("empty file"), e.getMessage());
    }

    @Test
    void aRowOfTheWrongWidthNamesItsLine() throws IOException {
        Path file = write("a,b\n1,2\n3\n");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvTable.read(file));
        assertTrue(e.getMessage().contains("line 3: 1 cells, header has 2"), e.getMessage());
    }

    private Path write(String text) throws IOException {
        return Files.write(dir.resolve("table.csv"), text.getBytes(StandardCharsets.UTF_8));
    }
}
