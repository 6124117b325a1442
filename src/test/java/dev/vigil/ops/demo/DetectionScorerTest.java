package dev.vigil.ops.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.ops.simulator.AnomalyKind;
import dev.vigil.ops.simulator.InjectedAnomaly;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionScorerTest {
    private static final long MIN = 60_000;
    private final DetectionScorer scorer = new DetectionScorer(Duration.ofMinutes(10));

    private static InjectedAnomaly episode(String entity, AnomalyKind kind, long fromMin, long toMin) {
        return new InjectedAnomaly(entity, kind, "flow", fromMin * MIN, toMin * MIN);
    }

    private static AlertEpisode alert(String entity, long startMin, Long closedMin) {
        return new AlertEpisode(
                entity + startMin,
                entity,
                startMin * MIN,
                (startMin + 2) * MIN,
                closedMin == null ? null : closedMin * MIN,
                List.of("flow"));
    }

    @Test
    void anAlertIsFalseWhenItOverlapsNoEpisodeOfItsEntityWithinTheGrace() {
        var truth = List.of(episode("p1", AnomalyKind.SPIKE, 100, 110));
        assertEquals(false, scorer.isFalse(alert("p1", 115, 130L), truth, 1000 * MIN), "within the 10-min grace");
        assertEquals(true, scorer.isFalse(alert("p1", 125, 130L), truth, 1000 * MIN), "after the grace");
        assertEquals(true, scorer.isFalse(alert("p2", 103, 108L), truth, 1000 * MIN), "another entity");
    }

    @Test
    void anAlertOverlappingAnEpisodeOfItsEntityCatchesItWithItsDelay() {
        DetectionReport report = scorer.score(
                List.of(episode("p1", AnomalyKind.SPIKE, 100, 110)), List.of(alert("p1", 103, 120L)), 1000 * MIN);
        assertEquals(1, report.caught());
        assertEquals(0, report.missed());
        assertEquals(0, report.falseAlerts());
        assertEquals(Duration.ofMinutes(5), report.medianDelay(), "opened at 105, episode started at 100");
        assertEquals(1.0, report.recall());
        assertEquals(1.0, report.precision());
    }

    @Test
    void anAlertOnAnotherEntityNeitherCatchesNorIsExcused() {
        DetectionReport report = scorer.score(
                List.of(episode("p1", AnomalyKind.DRIFT, 100, 200)), List.of(alert("p2", 150, 160L)), 1000 * MIN);
        assertEquals(0, report.caught());
        assertEquals(1, report.missed());
        assertEquals(1, report.falseAlerts());
        assertNull(report.medianDelay());
    }

    @Test
    void anAlertOpeningWithinTheGraceAfterTheEpisodeStillCounts() {
        DetectionReport late = scorer.score(
                List.of(episode("p1", AnomalyKind.STUCK, 100, 110)), List.of(alert("p1", 118, 130L)), 1000 * MIN);
        assertEquals(1, late.caught());
        DetectionReport tooLate = scorer.score(
                List.of(episode("p1", AnomalyKind.STUCK, 100, 110)), List.of(alert("p1", 121, 130L)), 1000 * MIN);
        assertEquals(0, tooLate.caught());
        assertEquals(1, tooLate.falseAlerts());
    }

    @Test
    void anOpenAlertLastsUntilNowAndRunningEpisodesArePending() {
        DetectionReport report = scorer.score(
                List.of(episode("p1", AnomalyKind.NOISE_BURST, 100, 110), episode("p1", AnomalyKind.SPIKE, 500, 600)),
                List.of(alert("p1", 50, null)),
                550 * MIN);
        assertEquals(1, report.injected());
        assertEquals(1, report.caught(), "the open alert since minute 50 covers minute 100-110");
        assertEquals(1, report.pending());
        assertEquals(0, report.falseAlerts());
    }

    @Test
    void countsAreBrokenDownByKind() {
        DetectionReport report = scorer.score(
                List.of(
                        episode("p1", AnomalyKind.SPIKE, 100, 105),
                        episode("p1", AnomalyKind.BROKEN_CORRELATION, 300, 400),
                        episode("p2", AnomalyKind.SPIKE, 100, 105)),
                List.of(alert("p1", 101, 106L)),
                1000 * MIN);
        assertEquals(Map.of(AnomalyKind.SPIKE, 2, AnomalyKind.BROKEN_CORRELATION, 1), report.injectedByKind());
        assertEquals(Map.of(AnomalyKind.SPIKE, 1), report.caughtByKind());
        assertEquals(2, report.missed());
    }

    @Test
    void negativeGraceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DetectionScorer(Duration.ofMinutes(-1)));
    }
}
