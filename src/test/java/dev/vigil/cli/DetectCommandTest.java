package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.SigningKeys;
import dev.vigil.testkit.TestBundles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
        Files.writeString(config, "model.topic.enabled=false\nmodel.trust=any\nmodel.dir=" + dir + "\n");
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.NO_MODEL, run(err, "detect", "--config", config.toString()));
        assertTrue(err.toString().contains("no valid model"), err.toString());
    }

    @Test
    void withoutTrustedKeysTheDefaultTrustStopsStartUpNamingBothKeys() throws Exception {
        Path config = dir.resolve("detector.properties");
        Files.writeString(config, "model.topic.enabled=false\nmodel.dir=" + dir + "\n");
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.USAGE, run(err, "detect", "--config", config.toString()));
        assertTrue(
                err.toString().contains("model.trust=signed (the default) needs model.trusted.keys"), err.toString());
    }

    @Test
    void anUnsignedBundleIsRefusedUnderTheDefaultTrust() throws Exception {
        SigningKeys.writePair(SigningKeys.generate(), dir);
        Path bundle = TestBundles.writeTrained(dir, 1);
        Path config = dir.resolve("detector.properties");
        Files.writeString(
                config,
                "model.topic.enabled=false\nmodel.path=" + bundle + "\nmodel.trusted.keys="
                        + dir.resolve(SigningKeys.PUBLIC_FILE) + "\n");
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.NO_MODEL, run(err, "detect", "--config", config.toString()));
        assertTrue(err.toString().contains("UNSIGNED"), err.toString());
    }

    @Test
    void aTypoInTheConfigurationStopsStartUpWithTheNearestKey() throws Exception {
        Path config = dir.resolve("detector.properties");
        Files.writeString(config, "treshold.mode=global\n");
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.USAGE, run(err, "detect", "--config", config.toString()));
        assertTrue(err.toString().contains("did you mean `threshold.mode`?"), err.toString());
    }

    @Test
    void theExampleConfigurationIsValid() throws Exception {
        var config = dev.vigil.detector.config.DetectorConfig.load(
                Path.of("config/detector.properties"), java.util.Map.of());
        assertEquals("vigil.readings", config.getString(dev.vigil.detector.config.DetectorConfig.INPUT_TOPIC));
    }

    @Test
    void theOpsEndpointBindsToLoopbackUnlessAnAddressIsGiven() {
        Assumptions.assumeTrue(System.getenv(OpsPortOption.BIND_ADDRESS_ENV) == null, "environment sets the default");
        DetectCommand byDefault = new DetectCommand();
        new CommandLine(byDefault).parseArgs("--metrics-port", "0");
        assertEquals("127.0.0.1", byDefault.opsPort.metricsAddress);
        DetectCommand everywhere = new DetectCommand();
        new CommandLine(everywhere).parseArgs("--metrics-port", "0", "--metrics-address", "0.0.0.0");
        assertEquals("0.0.0.0", everywhere.opsPort.metricsAddress);
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs();
        assertEquals("127.0.0.1", demo.metricsAddress);
    }
}
