package dev.vigil.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cli.VigilCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil evaluate --online} and the refusal of unscored rows, end to end on a small generated dataset. */
class OnlineEvaluationTest {
    private static final long T0 = 1_700_000_000_000L, STEP = 60_000;

    @TempDir
    Path dir;

    /** Three correlated sensors; in the test rows their level drifts up, and rows 700-719 break the correlation. */
    private static void writeEntity(Path dataset, String name, long testStart) throws IOException {
        Random random = new Random(5);
        StringBuilder train = new StringBuilder("timestamp,a,b,c\n");
        for (int i = 0; i < 600; i++) {
            train.append(row(T0 + i * STEP, i, 0, false, random)).append('\n');
        }
        StringBuilder test = new StringBuilder("timestamp,a,b,c,label\n");
        for (int i = 0; i < 1200; i++) {
            boolean broken = i >= 700 && i < 720;
            test.append(row(testStart + i * STEP, 600 + i, 0.002 * i, broken, random))
                    .append(',')
                    .append(broken ? 1 : 0)
                    .append('\n');
        }
        Files.writeString(dataset.resolve(name + "_train.csv"), train);
        Files.writeString(dataset.resolve(name + "_test.csv"), test);
    }

    private static String row(long time, int t, double level, boolean broken, Random random) {
        double a = Math.sin(t / 15.0) + level + 0.05 * random.nextGaussian();
        double b = 2 * a + (broken ? 3 : 0) + 0.05 * random.nextGaussian();
        double c = -a + 0.05 * random.nextGaussian();
        return time + "," + a + "," + b + "," + c;
    }

    private int evaluate(StringWriter out, StringWriter err, String... args) {
        picocli.CommandLine cli = VigilCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void theOnlineRunRetrainsHotSwapsAndIsReportedBesideTheFrozenOne() throws Exception {
        Path dataset = Files.createDirectories(dir.resolve("drifting"));
        writeEntity(dataset, "pump", T0 + 600 * STEP);
        Path json = dir.resolve("online.json"), html = dir.resolve("online.html");
        StringWriter out = new StringWriter(), err = new StringWriter();

        int exit = evaluate(
                out,
                err,
                "evaluate",
                "--dataset",
                dataset.toString(),
                "--epochs",
                "10",
                "--online",
                "--online-retrains",
                "3",
                "--json",
                json.toString(),
                "--report",
                html.toString());

        assertEquals(0, exit, err.toString());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        JsonNode online = report.get("online");
        assertEquals(1200, online.get("pooled").get("rows").asLong());
        assertEquals(0, online.get("config").get("unscored_test_rows").asLong(), "every row scored across the swaps");
        JsonNode retrains = online.get("retrains").get("pump");
        assertTrue(retrains.size() >= 1, "the schedule ran: " + retrains);
        boolean swapped = false;
        for (JsonNode r : retrains) {
            swapped |= r.get("swapped").asBoolean();
        }
        assertTrue(swapped, "at least one retrained model was swapped in: " + retrains);
        assertTrue(out.toString().contains("frozen and online, pooled"), out.toString());
        assertTrue(Files.readString(html).contains("Retrainings"));
    }

    @Test
    void testRowsTheDetectorDeadLettersFailTheRunUnlessAllowed() throws Exception {
        Path dataset = Files.createDirectories(dir.resolve("early"));
        writeEntity(dataset, "pump", T0 - 2000 * STEP); // test timestamps before the training rows
        StringWriter out = new StringWriter(), err = new StringWriter();

        int exit = evaluate(out, err, "evaluate", "--dataset", dataset.toString(), "--epochs", "3");

        assertEquals(3, exit);
        assertTrue(err.toString().contains("OUT_OF_ORDER"), err.toString());
        assertTrue(err.toString().contains("--allow-dead-letters"), err.toString());
        assertEquals(
                0,
                evaluate(
                        new StringWriter(),
                        new StringWriter(),
                        "evaluate",
                        "--dataset",
                        dataset.toString(),
                        "--epochs",
                        "3",
                        "--allow-dead-letters"));
    }
}
