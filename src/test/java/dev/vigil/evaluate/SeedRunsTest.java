package dev.vigil.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedRunsTest {
    private final List<EvaluationResult> results =
            List.of(ReportFixtures.twoEntities(1), ReportFixtures.twoEntities(2), ReportFixtures.twoEntities(3));
    private final SeedRuns runs = new SeedRuns(List.of(1L, 2L, 3L), results);

    @Test
    void eachFigureIsCombinedOverTheRunsFigureByFigure() {
        double[] f1 = results.stream().mapToDouble(r -> r.pooled().f1()).toArray();
        double mean = (f1[0] + f1[1] + f1[2]) / 3;
        double sd = Math.sqrt(
                ((f1[0] - mean) * (f1[0] - mean) + (f1[1] - mean) * (f1[1] - mean) + (f1[2] - mean) * (f1[2] - mean))
                        / 2);

        assertEquals(mean, runs.mean(EvaluationResult::pooled).f1(), 1e-12);
        assertEquals(sd, runs.sd(EvaluationResult::pooled).f1(), 1e-12);
        assertTrue(sd > 0, "different seeds give different fixtures");
        assertEquals(
                Math.min(f1[0], Math.min(f1[1], f1[2])),
                runs.min(EvaluationResult::pooled).f1());
        assertEquals(
                Math.max(f1[0], Math.max(f1[1], f1[2])),
                runs.max(EvaluationResult::pooled).f1());
        double bestF1Mean =
                results.stream().mapToDouble(r -> r.pooled().bestF1()).average().orElseThrow();
        assertEquals(bestF1Mean, runs.mean(EvaluationResult::pooled).bestF1(), 1e-12);
        assertEquals(
                results.get(0).pooled().rows(),
                runs.mean(EvaluationResult::pooled).rows());
    }

    @Test
    void aSingleRunHasNoSpreadAndUndefinedFiguresStayUndefined() {
        SeedRuns one = new SeedRuns(List.of(7L), List.of(results.get(0)));
        assertEquals(0.0, one.sd(EvaluationResult::pooled).f1());
        assertEquals(
                results.get(0).pooled().f1(), one.mean(EvaluationResult::pooled).f1());
        EvaluationResult noAnomalies =
                new EvaluationResult(List.of(results.get(0).entities().get(1)), java.util.Map.of());
        SeedRuns undefined = new SeedRuns(List.of(1L, 2L), List.of(noAnomalies, noAnomalies));
        assertTrue(Double.isNaN(undefined.mean(EvaluationResult::pooled).auroc()));
    }

    @Test
    void seedsAndResultsMustPair() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new SeedRuns(List.of(1L), results));
        assertTrue(e.getMessage().contains("1 seeds for 3 results"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SeedRuns(List.of(), List.of()));
    }

    @Test
    void theJsonReportCarriesTheSpreadBesideTheFirstRunsReport() {
        JsonNode seeds = JsonReport.seeds(runs);
        assertEquals(
                List.of(1L, 2L, 3L),
                List.of(
                        seeds.get("seeds").get(0).asLong(),
                        seeds.get("seeds").get(1).asLong(),
                        seeds.get("seeds").get(2).asLong()));
        assertEquals(
                runs.mean(EvaluationResult::pooled).f1(),
                seeds.get("pooled").get("mean").get("f1").asDouble(),
                1e-12);
        assertEquals(
                runs.sd(EvaluationResult::entityMean).bestF1(),
                seeds.get("entity_mean").get("sd").get("best_f1").asDouble(),
                1e-12);
        assertEquals(
                runs.max(EvaluationResult::pooledAlertLevel).f1(),
                seeds.get("alert_level").get("max").get("f1").asDouble(),
                1e-12);
        assertEquals(3, seeds.get("runs").size());
        assertEquals(2, seeds.get("runs").get(1).get("seed").asLong());
        assertEquals(
                results.get(1).pooled().f1(),
                seeds.get("runs").get(1).get("pooled").get("f1").asDouble(),
                1e-12);
    }
}
