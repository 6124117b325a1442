package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.ModelBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainWritesBundleAndHtmlReportWithProgressLines() throws IOException {
        Path csv = writeCsv(dir.resolve("sensor.csv"));
        Path bundleFile = dir.resolve("out/model.bundle");
        StringWriter out = new StringWriter();
        CommandLine cli = VigilCommand.commandLine().setOut(new PrintWriter(out));
        int code = cli.execute(
                "train",
                "--data",
                csv.toString(),
                "--variant",
                "denoising",
                "--layers",
                "4,2",
                "--epochs",
                "3",
                "--batch",
                "32",
                "--seed",
                "5",
                "--out",
                bundleFile.toString());
        assertEquals(0, code, out.toString());
        ModelBundle bundle = BundleFiles.read(bundleFile);
        assertEquals("denoising", bundle.getVariant());
        assertEquals("5", String.valueOf(bundle.getTraining().getSeed()));
        assertTrue(out.toString().contains("epoch 3/3"), out.toString());
        String html = Files.readString(dir.resolve("out/model.report.html"));
        assertTrue(html.contains("<svg") && html.contains("anomaly") && html.contains("<polyline"), html);
    }

    @Test
    void badVariantFailsWithUsageError() throws IOException {
        Path csv = writeCsv(dir.resolve("sensor.csv"));
        StringWriter err = new StringWriter();
        CommandLine cli = VigilCommand.commandLine().setErr(new PrintWriter(err));
        int code = cli.execute(
                "train",
                "--data",
                csv.toString(),
                "--variant",
                "gan",
                "--out",
                dir.resolve("m.bundle").toString());
        assertTrue(code != 0);
        assertTrue(err.toString().contains("variant: unknown variant 'gan'"), err.toString());
    }

    private static Path writeCsv(Path file) throws IOException {
        Random random = new Random(1);
        StringBuilder sb = new StringBuilder("timestamp,a,b,c,d,e\n");
        for (int t = 0; t < 300; t++) {
            double s = Math.sin(t * 0.1);
            sb.append(String.format(
                    Locale.ROOT,
                    "%d,%.4f,%.4f,%.4f,%.4f,%.4f%n",
                    t,
                    s,
                    2 * s,
                    -s + 1,
                    s * s,
                    random.nextGaussian() * 0.01));
        }
        return Files.writeString(file, sb.toString());
    }
}
