package dev.vigil.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
    @TempDir
    Path dir;

    @Test
    void timestampAndLabelAreNotFeaturesAndTimesAreParsedAsUtc() throws IOException {
        write("pump_train.csv", "timestamp,a,b", "2014-07-01 00:00:00,1,2", "2014-07-01 00:30:00,3,4");
        write("pump_test.csv", "timestamp,a,b,label", "2014-07-02 00:00:00,5,6,0", "2014-07-02 00:30:00,7,8,1");
        EntityData pump = Dataset.load(dir).entities().get(0);
        assertEquals("pump", pump.name());
        assertEquals(List.of("a", "b"), pump.featureNames());
        assertArrayEquals(new double[] {3, 4}, pump.train()[1]);
        assertArrayEquals(new double[] {7, 8}, pump.test()[1]);
        assertArrayEquals(new boolean[] {false, true}, pump.labels());
        assertEquals(Instant.parse("2014-07-02T00:30:00Z").toEpochMilli(), pump.testTimestamps()[1]);
        assertEquals(1, pump.anomalousTestRows());
    }

    @Test
    void filesWithoutTimestampGetSyntheticTimesThatContinueFromTrainIntoTest() throws IOException {
        write("s_train.csv", "x", "1", "2");
        write("s_test.csv", "x,label", "3,0");
        EntityData s = Dataset.load(dir).entities().get(0);
        long step = TableColumns.SYNTHETIC_STEP_MS;
        assertEquals(s.trainTimestamps()[0] + step, s.trainTimestamps()[1]);
        assertEquals(s.trainTimestamps()[1] + step, s.testTimestamps()[0]);
    }

    @Test
    void aNonNumericCellNamesTheFileAndRow() throws IOException {
        write("s_train.csv", "x", "1", "oops");
        write("s_test.csv", "x,label", "3,0");
        IOException e = assertThrows(IOException.class, () -> Dataset.load(dir));
        assertTrue(e.getMessage().contains("s_train.csv data row 2"), e.getMessage());
    }

    @Test
    void aTestFileWithoutLabelsIsRejected() throws IOException {
        write("s_train.csv", "x", "1");
        write("s_test.csv", "x", "3");
        assertThrows(IOException.class, () -> Dataset.load(dir));
    }

    @Test
    void theSharedAsdDatasetParsesTo12EntitiesOf19Features() throws IOException {
        Path asd = sharedData("asd");
        Dataset dataset = Dataset.load(asd);
        assertEquals(12, dataset.entities().size());
        assertEquals(51_840, dataset.testRows());
        assertEquals(
                2_392,
                dataset.entities().stream()
                        .mapToInt(EntityData::anomalousTestRows)
                        .sum());
        assertTrue(dataset.entities().stream().allMatch(e -> e.featureNames().size() == 19));
    }

    @Test
    void theSharedNabLayoutParsesToUnivariateEntitiesWithRealTimestamps() throws IOException {
        Dataset dataset = Dataset.load(sharedData("nab/layout"));
        assertEquals(7, dataset.entities().size());
        for (EntityData e : dataset.entities()) {
            assertEquals(List.of("value"), e.featureNames());
            assertFalse(e.trainTimestamps()[e.trainTimestamps().length - 1] > e.testTimestamps()[0], e.name());
        }
    }

    private Path sharedData(String sub) {
        Path path =
                Path.of(System.getProperty("vigil.data.dir", "../shared/data")).resolve(sub);
        assumeTrue(Files.isDirectory(path), "shared data not present at " + path);
        return path;
    }

    private void write(String name, String... lines) throws IOException {
        Files.write(dir.resolve(name), List.of(lines));
    }
}
