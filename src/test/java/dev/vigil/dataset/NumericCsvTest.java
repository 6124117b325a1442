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
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumericCsvTest {
    @TempDir
    Path dir;

    @Test
    void numbersEqualParseDoubleBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> fixed = List.of(
                "0",
                "-0",
                "+1",
                "1.",
                ".5",
                "-0.000123",
                "1e5",
                "1E-7",
                "2.5e+3",
                "123456789012345",
                "1234567890123456789",
                "0.1234567890123456789",
                "1e300",
                "4.9e-324",
                "7e22",
                "7e23",
                "00012.50");
        for (String s : fixed) {
            assertSame(s);
        }
        for (int i = 0; i < 20_000; i++) {
            double v = random.nextGaussian() * Math.pow(10, random.nextInt(-8, 9));
            assertSame(String.format(Locale.ROOT, "%." + random.nextInt(1, 12) + "g", v));
            assertSame(Float.toString((float) v));
            assertSame(Double.toString(v));
        }
    }

    private static void assertSame(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        double fast = Decimal.parse(b, 0, b.length);
        if (!Double.isNaN(fast)) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(fast), text);
        }
    }

    @Test
    void readsKeptColumnsWithBomCrLfBlankLinesAndSpaces() throws IOException {
        Path f = write("\uFEFFtimestamp, a ,b\r\n\r\n1, 1.5 ,-2\r\n2,3e2,4\r\n\n");
        NumericCsv.Table t = NumericCsv.read(f, c -> !c.equals("timestamp")).orElseThrow();
        assertEquals(List.of("timestamp", "a", "b"), t.header());
        assertArrayEquals(new int[] {1, 2}, t.columns());
        assertArrayEquals(new double[] {1.5, -2}, t.rows()[0]);
        assertArrayEquals(new double[] {300, 4}, t.rows()[1]);
    }

    @Test
    void raggedRowsAndBadNumbersNameTheLine() throws IOException {
        Path ragged = write("a,b\n1,2\n3\n");
        CsvFormatException e1 = assertThrows(CsvFormatException.class, () -> NumericCsv.read(ragged, c -> true));
        assertTrue(e1.getMessage().contains("line 3: 1 cells, header has 2"), e1.getMessage());
        Path bad = write("a,b\n1,2\n3,x4\n");
        CsvFormatException e2 = assertThrows(CsvFormatException.class, () -> NumericCsv.read(bad, c -> true));
        assertTrue(e2.getMessage().contains("line 3 column 2 is not a number"), e2.getMessage());
        assertThrows(CsvFormatException.class, () -> NumericCsv.read(write("\n\n"), c -> true));
    }

    @Test
    void quotedFilesAreLeftToCsvTable() throws IOException {
        assertTrue(NumericCsv.read(write("\"a\",b\n1,2\n"), c -> true).isEmpty());
    }

    private Path write(String text) throws IOException {
        Path f = Files.createTempFile(dir, "t", ".csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
