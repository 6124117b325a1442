package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.Direction;
import dev.vigil.contract.avro.FeatureContribution;
import dev.vigil.ops.demo.DemoStatus;
import dev.vigil.ops.demo.DetectionReport;
import dev.vigil.ops.simulator.AnomalyKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleViewTest {
    private static final long SIM = Instant.parse("2026-01-03T04:12:00Z").toEpochMilli();
    private final StringWriter text = new StringWriter();
    private final ConsoleView view = new ConsoleView(new PrintWriter(text));

    private static AnomalyAlert alert(AlertEvent event) {
        return AnomalyAlert.newBuilder()
                .setAlertId("a1")
                .setEntity("pump-03")
                .setEvent(event)
                .setStartTime(Instant.ofEpochMilli(SIM - 37 * 60_000))
                .setEndTime(event == AlertEvent.CLOSED ? Instant.ofEpochMilli(SIM) : null)
                .setEventTime(Instant.ofEpochMilli(SIM))
                .setPeakScore(12.3)
                .setThreshold(2.1)
                .setAnomalousReadings(28)
                .setContributors(List.of(
                        new FeatureContribution("temperature", 81.2, 70.1, 9.0, Direction.ABOVE),
                        new FeatureContribution("motor_current", 20.0, 24.0, 2.0, Direction.BELOW)))
                .build();
    }

    @Test
    void statusLinesShowTheRateSinceTheLastLineAndTheModel() {
        view.status(new DemoStatus(Duration.ofSeconds(10), 10_000, 5, 0, 0, 0, -1, 0, 0, SIM));
        view.status(new DemoStatus(Duration.ofSeconds(12), 13_000, 9, 1, 2, 1, 3, 2, 1, SIM));
        List<String> lines = text.toString().lines().toList();
        assertTrue(lines.get(0).contains("training the first one"), lines.get(0));
        assertTrue(lines.get(1).startsWith("[STATUS]  0:12"), lines.get(1));
        assertTrue(lines.get(1).contains("1,500 rec/s"), lines.get(1));
        assertTrue(lines.get(1).contains("alerts open 1 (opened 2, closed 1)"), lines.get(1));
        assertTrue(lines.get(1).contains("model v3 (2 swaps, 1 refused)"), lines.get(1));
        assertTrue(lines.get(1).endsWith("sim 2026-01-03 04:12"), lines.get(1));
    }

    @Test
    void openedAndClosedAlertsNameTheirTopSensorsAndUpdatesStayQuiet() {
        view.alert(alert(AlertEvent.OPENED));
        view.alert(alert(AlertEvent.UPDATED));
        view.alert(alert(AlertEvent.CLOSED));
        List<String> lines = text.toString().lines().toList();
        assertEquals(2, lines.size(), text.toString());
        assertEquals(
                "[ALERT]  pump-03 opened at sim 2026-01-03 04:12  peak 12.3 > threshold 2.10  top: "
                        + "temperature above (81.20 vs 70.10), motor_current below (20.00 vs 24.00)",
                lines.get(0));
        assertTrue(
                lines.get(1).startsWith("[CLOSE]  pump-03 closed after 37 sim-min, 28 anomalous readings"),
                lines.get(1));
    }

    @Test
    void theReportGivesCaughtMissedFalseAndKinds() {
        view.report(
                new DetectionReport(
                        10,
                        8,
                        2,
                        1,
                        9,
                        1,
                        Map.of(AnomalyKind.SPIKE, 3),
                        Map.of(AnomalyKind.SPIKE, 4),
                        Duration.ofMinutes(6)),
                Duration.ofMinutes(30));
        String report = text.toString();
        assertTrue(report.contains("injected anomalies (ended): 10  caught: 8  missed: 2  still running: 1"), report);
        assertTrue(
                report.contains("alerts: 9  false alerts: 1  precision 89%  recall 80%  median delay 6 sim-min"),
                report);
        assertTrue(report.contains("spike 3/4  drift 0/0"), report);
    }

    @Test
    void modelSwapsAndRefusalsArePrinted() {
        view.modelLive(4, "trained on 12,000 readings");
        view.modelRefused(5, "BAD_SIGNATURE");
        assertEquals(
                List.of("[MODEL]  v4 live (trained on 12,000 readings)", "[MODEL]  v5 refused: BAD_SIGNATURE"),
                text.toString().lines().toList());
    }
}
