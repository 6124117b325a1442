package dev.vigil.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
    private static final Set<String> REQUIRED =
            Set.of("precision", "recall", "f1", "far", "mar", "best_f1", "auroc", "auprc", "always_alarm_f1");

    @Test
    void theFileHasTheAgreedShapeAndThePooledFiguresOfTheResult(@TempDir Path dir) throws Exception {
        EvaluationResult result = ReportFixtures.twoEntities(7);
        Path file = dir.resolve("report.json");
        JsonReport.write(result, file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());

        assertTrue(fieldNames(root).containsAll(List.of("pooled", "entities", "config", "alert_level")));
        assertTrue(fieldNames(root.get("pooled")).containsAll(REQUIRED));
        double meanF1 = (result.entities().get(0).pointwise().f1()
                        + result.entities().get(1).pointwise().f1())
                / 2;
        assertEquals(meanF1, root.get("entity_mean").get("f1").asDouble(), 1e-12);
        assertEquals(List.of("pump-<1>", "pump-2"), fieldNames(root.get("entities")));
        assertTrue(fieldNames(root.get("entities").get("pump-2")).containsAll(REQUIRED));
        assertEquals("dense", root.get("config").get("variant").asText());
        assertEquals(result.pooled().f1(), root.get("pooled").get("f1").asDouble(), 1e-12);
        assertEquals(
                result.pooledAlertLevel().f1(),
                root.get("alert_level").get("pooled").get("f1").asDouble(),
                1e-12);
    }

    @Test
    void undefinedAurocOfAnEntityWithoutAnomaliesIsWrittenAsNull() {
        JsonNode root = JsonReport.toJson(ReportFixtures.twoEntities(7));
        assertTrue(root.get("entities").get("pump-2").get("auroc").isNull());
        assertTrue(root.get("entities").get("pump-<1>").get("auroc").isNumber());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
