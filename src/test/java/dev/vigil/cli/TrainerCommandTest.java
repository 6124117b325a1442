package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerCommandTest {
    @TempDir
    Path dir;

    @Test
    void aBadConfigurationStopsTheTrainerWithTheKeyAndTheReason() throws Exception {
        Path config = dir.resolve("trainer.properties");
        Files.writeString(config, "bootstrap.servers=localhost:9092\nmodel.group=g\ntrain.interval=sometimes\n");
        StringWriter err = new StringWriter();
        var cli = VigilCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertEquals(2, cli.execute("trainer", "--config", config.toString()));
        assertTrue(err.toString().contains("train.interval"), err.toString());
        assertTrue(err.toString().contains("not a duration"), err.toString());
    }

    @Test
    void aTypoStopsTheTrainerWithTheNearestKey() throws Exception {
        Path config = dir.resolve("trainer.properties");
        Files.writeString(config, "bootstrap.servers=localhost:9092\nmodel.group=g\ndrift.psi.treshold=0.3\n");
        StringWriter err = new StringWriter();
        var cli = VigilCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertEquals(ExitCodes.USAGE, cli.execute("trainer", "--config", config.toString()));
        assertTrue(err.toString().contains("did you mean `drift.psi.threshold`?"), err.toString());
    }
}
