package dev.vigil.cli;

import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.FeatureContribution;
import dev.vigil.ops.demo.DemoStatus;
import dev.vigil.ops.demo.DetectionReport;
import dev.vigil.ops.simulator.AnomalyKind;
import dev.vigil.ops.simulator.InjectedAnomaly;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The demo's console: one status line per interval, one line per alert opened or closed (with its top
 * contributing sensors), one per model swap or refusal, and the final caught/missed/false report.
 * Lines are prefixed so they can be grepped: {@code [STATUS]}, {@code [ALERT]}, {@code [CLOSE]},
 * {@code [INJECT]}, {@code [MODEL]}, {@code [SHADOW]}, {@code [ROLLBACK]}, {@code [REPORT]}. Thread-safe: alerts, model swaps and status come from different threads.
 */
final class ConsoleView {
    private static final DateTimeFormatter SIM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private DemoStatus previous;

    ConsoleView(PrintWriter out) {
        this.out = out;
    }

    /** Prints a status line; the rate is measured against the previous one. */
    synchronized void status(DemoStatus now) {
        out.printf(
                Locale.ROOT,
                "[STATUS] %s  %,7.0f rec/s  records %,d  anomalies %,d  alerts open %d (opened %d, closed %d)  %s  sim %s%n",
                clock(now.elapsed()),
                rate(now),
                now.records(),
                now.anomalies(),
                now.openAlerts(),
                now.alertsOpened(),
                now.alertsClosed(),
                model(now),
                simTime(now.simulatedMillis()));
        out.flush();
        previous = now;
    }

    /** Prints an opened or closed alert; updates are not printed. */
    synchronized void alert(AnomalyAlert alert) {
        switch (alert.getEvent()) {
            case OPENED ->
                out.printf(
                        Locale.ROOT,
                        "[ALERT]  %s opened at sim %s  peak %.3g > threshold %.3g  top: %s%n",
                        alert.getEntity(),
                        simTime(alert.getEventTime().toEpochMilli()),
                        alert.getPeakScore(),
                        alert.getThreshold(),
                        topSensors(alert));
            case CLOSED ->
                out.printf(
                        Locale.ROOT,
                        "[CLOSE]  %s closed after %d sim-min, %d anomalous readings, top: %s%n",
                        alert.getEntity(),
                        minutes(alert),
                        alert.getAnomalousReadings(),
                        topSensors(alert));
            case UPDATED -> {
                return;
            }
        }
        out.flush();
    }

    /** Prints an anomaly the simulator just injected (the ground truth the alerts are judged by). */
    synchronized void injected(InjectedAnomaly episode) {
        out.printf(
                Locale.ROOT,
                "[INJECT] %s %s on %s at sim %s for %d sim-min%n",
                episode.entity(),
                episode.kind().name().toLowerCase(Locale.ROOT),
                episode.sensor(),
                simTime(episode.startMillis()),
                (episode.endMillis() - episode.startMillis()) / 60_000);
        out.flush();
    }

    /** Prints something that went wrong. */
    synchronized void problem(String message) {
        out.printf(Locale.ROOT, "[ERROR]  %s%n", message);
        out.flush();
    }

    /** Prints how long after the start the first alert opened. */
    synchronized void firstAlert(Duration sinceStart) {
        out.printf(Locale.ROOT, "[ALERT]  first alert %d s after the demo started%n", sinceStart.toSeconds());
        out.flush();
    }

    /** Prints a model that went live. */
    synchronized void modelLive(long version, String detail) {
        out.printf(Locale.ROOT, "[MODEL]  v%d live%s%n", version, detail.isEmpty() ? "" : " (" + detail + ")");
        out.flush();
    }

    /** Prints a step of a candidate's shadow stage: published, scored beside the live model, promoted or rejected. */
    synchronized void shadow(long version, String what) {
        out.printf(Locale.ROOT, "[SHADOW] v%d %s%n", version, what);
        out.flush();
    }

    /** Prints an automatic rollback of version {@code from}, republished as {@code version}. */
    synchronized void rollback(long from, long version, String reason) {
        out.printf(
                Locale.ROOT,
                "[ROLLBACK] v%d rolled back: previous bundle republished as v%d (%s)%n",
                from,
                version,
                reason);
        out.flush();
    }

    /** Prints a false alert the demo answered with FALSE_ALARM feedback, and the counts so far. */
    synchronized void feedbackSent(String entity, long startMillis, long endMillis, long sent, long applied) {
        out.printf(
                Locale.ROOT,
                "[FEEDBACK] %s alert of sim %s .. %s was false (ground truth): FALSE_ALARM sent (sent %d, applied %d)%n",
                entity,
                simTime(startMillis),
                simTime(endMillis),
                sent,
                applied);
        out.flush();
    }

    /** Prints the false alerts that opened in each interval of the demo's wall-clock time. */
    synchronized void falseAlertsOverTime(List<Integer> counts, Duration width, long sent, long applied) {
        StringBuilder line = new StringBuilder("[REPORT] false alerts per " + width.toSeconds() + " s:");
        for (int i = 0; i < counts.size(); i++) {
            line.append(' ')
                    .append(clock(width.multipliedBy(i + 1)).trim())
                    .append('=')
                    .append(counts.get(i));
        }
        out.println(line);
        out.printf(Locale.ROOT, "[REPORT] feedback: %d false alarms sent, %d applied by the detector%n", sent, applied);
        out.flush();
    }

    /** Prints a model the detector refused. */
    synchronized void modelRefused(long version, String reason) {
        out.printf(Locale.ROOT, "[MODEL]  v%d refused: %s%n", version, reason);
        out.flush();
    }

    /** Prints the final comparison with the injected anomalies. */
    synchronized void report(DetectionReport report, Duration grace) {
        out.printf(
                Locale.ROOT,
                "[REPORT] injected anomalies (ended): %d  caught: %d  missed: %d  still running: %d%n",
                report.injected(),
                report.caught(),
                report.missed(),
                report.pending());
        out.printf(
                Locale.ROOT,
                "[REPORT] alerts: %d  false alerts: %d  precision %s  recall %s  median delay %s%n",
                report.alerts(),
                report.falseAlerts(),
                percent(report.precision()),
                percent(report.recall()),
                report.medianDelay() == null ? "-" : report.medianDelay().toMinutes() + " sim-min");
        out.printf(
                Locale.ROOT,
                "[REPORT] caught by kind: %s   (an alert counts if it overlaps the episode or the %d sim-min after it)%n",
                byKind(report),
                grace.toMinutes());
        out.flush();
    }

    private double rate(DemoStatus now) {
        if (previous == null) {
            return now.elapsed().isZero()
                    ? 0
                    : now.records() * 1000.0 / now.elapsed().toMillis();
        }
        long millis = now.elapsed().minus(previous.elapsed()).toMillis();
        return millis <= 0 ? 0 : (now.records() - previous.records()) * 1000.0 / millis;
    }

    private static String model(DemoStatus now) {
        if (now.modelVersion() < 0) {
            return "model: training the first one";
        }
        String refused = now.refused() > 0 ? ", " + now.refused() + " refused" : "";
        return "model v" + now.modelVersion() + " (" + now.swaps() + " swaps" + refused + ")";
    }

    private static String topSensors(AnomalyAlert alert) {
        if (alert.getContributors().isEmpty()) {
            return "-";
        }
        return alert.getContributors().stream()
                .limit(3)
                .map(ConsoleView::contribution)
                .collect(Collectors.joining(", "));
    }

    private static String contribution(FeatureContribution c) {
        return String.format(
                Locale.ROOT,
                "%s %s (%.4g vs %.4g)",
                c.getFeature(),
                c.getDirection().name().toLowerCase(Locale.ROOT),
                c.getActual(),
                c.getExpected());
    }

    private static String byKind(DetectionReport report) {
        return java.util.Arrays.stream(AnomalyKind.values())
                .map(kind -> kind.name().toLowerCase(Locale.ROOT) + " "
                        + report.caughtByKind().getOrDefault(kind, 0) + "/"
                        + report.injectedByKind().getOrDefault(kind, 0))
                .collect(Collectors.joining("  "));
    }

    private static long minutes(AnomalyAlert alert) {
        long end = alert.getEndTime() == null
                ? alert.getEventTime().toEpochMilli()
                : alert.getEndTime().toEpochMilli();
        return (end - alert.getStartTime().toEpochMilli()) / 60_000;
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String clock(Duration elapsed) {
        return String.format(Locale.ROOT, "%2d:%02d", elapsed.toMinutes(), elapsed.toSecondsPart());
    }

    private static String simTime(long millis) {
        return SIM_TIME.format(Instant.ofEpochMilli(millis));
    }
}
