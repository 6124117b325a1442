package dev.vigil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.Direction;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.testkit.TestBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every alert transition through the topology: open (k of n), update, hysteresis, close, cooldown. */
class AlertLifecycleTest {
    private static final ModelBundle BUNDLE = TestBundles.linear(1);

    @TempDir
    Path stateDir;

    private DetectorHarness h;

    @BeforeEach
    void start() {
        h = new DetectorHarness(
                Map.of(
                        DetectorConfig.THRESHOLD_MODE, "global", // the bundle's entry and exit thresholds
                        DetectorConfig.ALERT_K, 2,
                        DetectorConfig.ALERT_N, 3,
                        DetectorConfig.ALERT_CLOSE_AFTER, 2,
                        DetectorConfig.ALERT_COOLDOWN_MS, 60_000L,
                        DetectorConfig.ALERT_TOP_K, 2),
                BUNDLE,
                stateDir);
    }

    @org.junit.jupiter.api.AfterEach
    void stop() {
        h.close();
    }

    /** Sigmas of a temperature spike that scores {@code fraction} of the entry threshold (score = 2s²/9). */
    private static double sigmasFor(double fraction) {
        return Math.sqrt(fraction * BUNDLE.getThresholds().getAnomaly() * 9 / 2);
    }

    private List<AnomalyAlert> alerts() {
        return h.alerts.readValuesToList();
    }

    @Test
    void anAlertOpensAfterKAnomalousOfTheLastN() {
        h.normal("pump-1", 0);
        h.spike("pump-1", 1, 5);
        assertTrue(alerts().isEmpty(), "one anomalous reading is not enough");
        h.normal("pump-1", 2);
        h.spike("pump-1", 3, 5);
        AnomalyAlert opened = h.alerts.readValue();
        assertEquals(AlertEvent.OPENED, opened.getEvent());
        assertEquals("pump-1@" + (DetectorHarness.T0 + 1000), opened.getAlertId());
        assertEquals(DetectorHarness.T0 + 1000, opened.getStartTime().toEpochMilli());
        assertEquals(2, opened.getAnomalousReadings());
        assertEquals("temp", opened.getContributors().get(0).getFeature());
        assertEquals(Direction.ABOVE, opened.getContributors().get(0).getDirection());
        assertEquals(2, opened.getContributors().size());
        assertEquals(1L, opened.getModelVersion());
    }

    @Test
    void aGrowingPeakEmitsUpdatedAndASmallerOneDoesNot() {
        h.spike("pump-1", 1, 5);
        h.spike("pump-1", 2, 5);
        h.spike("pump-1", 3, 8);
        h.spike("pump-1", 4, 6);
        List<AnomalyAlert> events = alerts();
        assertEquals(
                List.of(AlertEvent.OPENED, AlertEvent.UPDATED),
                events.stream().map(AnomalyAlert::getEvent).toList());
        assertEquals(events.get(0).getAlertId(), events.get(1).getAlertId());
        assertTrue(events.get(1).getPeakScore() > events.get(0).getPeakScore());
    }

    @Test
    void anAlertClosesAfterMConsecutiveNormalReadings() {
        h.spike("pump-1", 1, 5);
        h.spike("pump-1", 2, 5);
        h.normal("pump-1", 3);
        h.spike("pump-1", 4, 4);
        h.normal("pump-1", 5);
        h.normal("pump-1", 6);
        List<AnomalyAlert> events = alerts();
        assertEquals(
                List.of(AlertEvent.OPENED, AlertEvent.CLOSED),
                events.stream().map(AnomalyAlert::getEvent).toList());
        assertEquals(DetectorHarness.T0 + 6000, events.get(1).getEndTime().toEpochMilli());
        assertEquals(events.get(0).getAlertId(), events.get(1).getAlertId());
    }

    @Test
    void scoresBetweenExitAndEntryKeepAnAlertOpen() {
        h.spike("pump-1", 1, 5);
        h.spike("pump-1", 2, 5);
        double between = sigmasFor(0.75);
        for (int second = 3; second < 8; second++) {
            h.spike("pump-1", second, between);
        }
        var verdicts = h.scoredValues().stream().map(r -> r.getVerdict()).toList();
        assertEquals(Verdict.NORMAL, verdicts.get(verdicts.size() - 1), "below entry: not anomalous");
        assertEquals(
                List.of(AlertEvent.OPENED),
                alerts().stream().map(AnomalyAlert::getEvent).toList());
        h.normal("pump-1", 8);
        h.normal("pump-1", 9);
        assertEquals(AlertEvent.CLOSED, h.alerts.readValue().getEvent());
    }

    @Test
    void anEntityCannotReopenDuringTheCooldown() {
        h.spike("pump-1", 1, 5);
        h.spike("pump-1", 2, 5);
        h.normal("pump-1", 3);
        h.normal("pump-1", 4);
        h.spike("pump-1", 10, 5);
        h.spike("pump-1", 11, 5);
        assertEquals(
                List.of(AlertEvent.OPENED, AlertEvent.CLOSED),
                alerts().stream().map(AnomalyAlert::getEvent).toList());
        h.spike("pump-1", 70, 5);
        AnomalyAlert reopened = h.alerts.readValue();
        assertEquals(AlertEvent.OPENED, reopened.getEvent());
        assertNull(reopened.getEndTime());
    }

    @Test
    void entitiesHaveSeparateAlerts() {
        h.spike("pump-1", 1, 5);
        h.spike("pump-2", 1, 5);
        h.spike("pump-1", 2, 5);
        List<AnomalyAlert> events = alerts();
        assertEquals(1, events.size());
        assertEquals("pump-1", events.get(0).getEntity());
    }
}
