package dev.vigil.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapTest {
    @TempDir
    Path dir;

    @Test
    void aConfiguredCsvGivesTheFirstModelItsFeaturesAndUnscoredRows() throws Exception {
        Path csv = dir.resolve("pump_train.csv");
        Files.writeString(csv, "timestamp,temp,pressure\n1,20.0,1.0\n2,20.5,1.1\n3,19.5,0.9\n");
        TrainerServiceConfig config = new TrainerServiceConfig(
                Map.of("bootstrap.servers", "unused:9092", "model.group", "g", "bootstrap.csv", csv.toString()));

        Bootstrap.Data data = new Bootstrap(config).data();

        assertEquals(List.of("temp", "pressure"), data.features());
        assertEquals(1, data.segments().size());
        assertEquals(3, data.segments().get(0).length());
        assertEquals(20.5, data.segments().get(0).rows()[1][0]);
        assertTrue(Double.isNaN(data.segments().get(0).scores()[0]));
    }
}
