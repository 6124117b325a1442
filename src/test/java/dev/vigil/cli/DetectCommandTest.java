package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        var line = VigilCommand.commandLine();
        line.setErr(new PrintWriter(err));
        return line.execute(args);
    }

    @Test
    void anInvalidValueStopsStartUpNamingTheKey() throws Exception {
        Path config = dir.resolve("detector.properties");
        Files.writeString(config, "alert.k=9\nalert.n=5\n");
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "detect", "--config", config.toString()));
        assertTrue(err.toString().contains("alert.k"), err.toString());
    }

    @Test
    void aMissingModelStopsStartUpWithTheReason() throws Exception {
        Path config = dir.resolve("detector.properties");
        Files.writeString(config, "model.topic.enabled=false\nmodel.dir=" + dir + "\n");
        StringWriter err = new StringWriter();
        assertEquals(1, run(err, "detect", "--config", config.toString()));
        assertTrue(err.toString().contains("no valid model"), err.toString());
    }

    @Test
    void theExampleConfigurationIsValid() throws Exception {
        var config = dev.vigil.detector.config.DetectorConfig.load(
                Path.of("config/detector.properties"), java.util.Map.of());
        assertEquals("vigil.readings", config.getString(dev.vigil.detector.config.DetectorConfig.INPUT_TOPIC));
    }
}
