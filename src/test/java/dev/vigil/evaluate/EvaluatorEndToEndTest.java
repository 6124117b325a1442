package dev.vigil.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cli.VigilCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil evaluate} end to end on two small NAB entities: train, stream through the topology, score. */
class EvaluatorEndToEndTest {
    private static final String ENTITIES = "ec2_request_latency_system_failure,rogue_agent_key_hold";

    @Test
    void everyTestRowIsScoredByTheDetectorAndTheReportsAreWritten(@TempDir Path dir) throws Exception {
        Path nab =
                Path.of(System.getProperty("vigil.data.dir", "../shared/data")).resolve("nab/layout");
        assumeTrue(Files.isDirectory(nab), "shared data not present at " + nab);
        Path json = dir.resolve("eval.json"), html = dir.resolve("eval.html");

        int exit = VigilCommand.commandLine()
                .execute(
                        "evaluate",
                        "--dataset",
                        nab.toString(),
                        "--entities",
                        ENTITIES,
                        "--epochs",
                        "15",
                        "--json",
                        json.toString(),
                        "--report",
                        html.toString());

        assertEquals(0, exit);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(0, report.get("config").get("unscored_test_rows").asLong(), "one verdict per test row");
        assertEquals(0, report.get("config").get("dead_letters").asLong());
        assertEquals(3428 + 1600, report.get("pooled").get("rows").asLong());
        JsonNode pooled = report.get("pooled");
        assertTrue(
                pooled.get("best_f1").asDouble()
                        >= pooled.get("always_alarm_f1").asDouble(),
                "flagging everything is one of the thresholds searched");
        assertTrue(report.get("entities").has("rogue_agent_key_hold"));
        assertTrue(Files.readString(html).contains("<svg"));
    }

    @Test
    void severalSeedsAreEachAWholeRunAndTheReportGivesTheirSpread(@TempDir Path dir) throws Exception {
        Path nab =
                Path.of(System.getProperty("vigil.data.dir", "../shared/data")).resolve("nab/layout");
        assumeTrue(Files.isDirectory(nab), "shared data not present at " + nab);
        Path json = dir.resolve("seeds.json");
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = VigilCommand.commandLine();
        cli.setOut(new java.io.PrintWriter(out));

        int exit = cli.execute(
                "evaluate",
                "--dataset",
                nab.toString(),
                "--entities",
                "rogue_agent_key_hold",
                "--epochs",
                "5",
                "--seeds",
                "1,2",
                "--json",
                json.toString());

        assertEquals(0, exit);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(1, report.get("config").get("seed").asLong(), "the report is the first seed's run");
        JsonNode seeds = report.get("seeds");
        assertEquals(2, seeds.get("runs").size());
        assertEquals(2, seeds.get("runs").get(1).get("seed").asLong());
        double first = seeds.get("runs").get(0).get("pooled").get("auroc").asDouble();
        double second = seeds.get("runs").get(1).get("pooled").get("auroc").asDouble();
        assertEquals(report.get("pooled").get("auroc").asDouble(), first, 1e-12);
        assertTrue(first != second, "another seed trains another model: " + first);
        assertEquals(
                (first + second) / 2,
                seeds.get("pooled").get("mean").get("auroc").asDouble(),
                1e-12);
        assertTrue(out.toString().contains("pooled over 2 seeds"), out.toString());
    }

    @Test
    void theDetectorsVerdictIsTheScoreAgainstItsThreshold() throws Exception {
        Path nab =
                Path.of(System.getProperty("vigil.data.dir", "../shared/data")).resolve("nab/layout");
        assumeTrue(Files.isDirectory(nab), "shared data not present at " + nab);
        Dataset data = Dataset.load(nab, java.util.List.of("rogue_agent_key_hold"));
        EvaluationSettings settings = new EvaluationSettings(
                dev.vigil.trainer.TrainerConfig.defaults()
                        .withSeed(1)
                        .withTraining(
                                dev.vigil.trainer.TrainingParams.defaults().withEpochs(10)),
                Scope.PER_ENTITY,
                java.util.Map.of());
        EntityResult result = new Evaluator(settings).evaluate(data).entities().get(0);
        for (int i = 0; i < result.scores().length; i++) {
            assertEquals(result.scores()[i] >= result.thresholds()[i], result.flags()[i], "row " + i);
        }
    }
}
