package dev.vigil.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataTest {
    @TempDir
    Path dir;

    @Test
    void csvFileDropsTimestampAndLabelColumns() throws IOException {
        Path file = Files.writeString(dir.resolve("pump.csv"), "timestamp,a,label,b\nt1,1.5,0,2\nt2,3,1,-4e1\n");
        TrainingData data = TrainingData.fromCsv(file);
        assertEquals(List.of("a", "b"), data.featureNames());
        assertEquals(2, data.rows());
        assertArrayEquals(new double[] {3, -40}, data.sequences().get(0)[1]);
    }

    @Test
    void aByteOrderMarkAndQuotedCellsAreRead() throws IOException {
        Path file = Files.writeString(dir.resolve("bom.csv"), "\uFEFFtimestamp,\"a\",label\n\"t1\",\"1.5\",0\n");
        TrainingData data = TrainingData.fromCsv(file);
        assertEquals(List.of("a"), data.featureNames());
        assertArrayEquals(new double[] {1.5}, data.sequences().get(0)[0]);
    }

    @Test
    void datasetDirectoryPoolsTrainFilesAsSeparateEntities() throws IOException {
        Files.writeString(dir.resolve("e1_train.csv"), "x,y\n1,2\n3,4\n");
        Files.writeString(dir.resolve("e2_train.csv"), "x,y\n5,6\n");
        Files.writeString(dir.resolve("e1_test.csv"), "x,y,label\n9,9,1\n");
        TrainingData data = TrainingData.fromCsv(dir);
        assertEquals(2, data.sequences().size());
        assertEquals(3, data.rows());
    }

    @Test
    void nonNumericCellIsReportedWithItsPosition() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3,oops\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingData.fromCsv(file));
        assertTrue(e.getMessage().contains("line 3 column 2"), e.getMessage());
    }

    @Test
    void rowsOfTheWrongWidthAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> TrainingData.of(List.of("a", "b"), List.<double[][]>of(new double[][] {{1, 2}, {3}})));
    }

    @Test
    void realAsdDatasetLoadsWhenPresent() {
        Path asd = Path.of(System.getProperty("vigil.data.dir", "../shared/data"), "asd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(asd), "ASD data not available");
        TrainingData data = TrainingData.fromCsv(asd);
        assertEquals(19, data.featureNames().size());
        assertEquals(12, data.sequences().size());
        assertEquals(11 * 8640 + 7291, data.rows());
    }
}
