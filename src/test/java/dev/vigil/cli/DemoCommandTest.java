package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.ops.DashboardQueries;
import dev.vigil.testkit.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo end to end, shortened: a real in-process broker, the simulator, the trainer service
 * bootstrapping a model, the detector scoring and alerting, its /metrics, and the final report.
 */
class DemoCommandTest {
    private static final Pattern METRICS_URL = Pattern.compile("metrics at (\\S+/metrics)");

    private static String awaitLine(StringWriter out, Pattern pattern, long timeoutMs) throws InterruptedException {
        return Await.upTo(Duration.ofMillis(timeoutMs))
                .every(Duration.ofMillis(200))
                .value(() -> found(out, pattern), () -> "no " + pattern + " in:\n" + out);
    }

    private static String found(StringWriter out, Pattern pattern) {
        Matcher matcher = pattern.matcher(out.toString());
        if (!matcher.find()) {
            return null;
        }
        return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
    }

    @Test
    void aShortDemoTrainsScoresAlertsServesEveryDashboardMetricAndReports() throws Exception {
        StringWriter out = new StringWriter();
        var cli = VigilCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread demo = new Thread(() -> exit.set(cli.execute(
                "demo", "--duration", "40s", "--entities", "4", "--rate", "800", "--seed", "7", "--feedback", "auto")));
        demo.start();
        String metricsUrl = awaitLine(out, METRICS_URL, 60_000);
        awaitLine(out, Pattern.compile("\\[ALERT\\]  first alert"), 90_000);
        String scrape = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(metricsUrl)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        demo.join(120_000);

        String text = out.toString();
        assertEquals(0, exit.get(), text);
        assertEquals(
                Map.of(), DashboardQueries.missingFrom(scrape), "dashboard metrics missing from the demo's scrape");
        List<String> lines = text.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[MODEL]  v1 live")), text);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[ALERT]  pump-")), text);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[INJECT] pump-")), text);
        Matcher report = Pattern.compile("caught: (\\d+)  missed: (\\d+)").matcher(text);
        assertTrue(report.find(), text);
        assertTrue(Integer.parseInt(report.group(1)) > 0, "some injected anomaly was caught:\n" + text);
        assertTrue(text.contains("false alerts: "), text);
        assertTrue(text.contains("[REPORT] false alerts per 10 s: 0:10="), text);
        Matcher feedback = Pattern.compile("\\[REPORT\\] feedback: (\\d+) false alarms sent")
                .matcher(text);
        assertTrue(feedback.find(), text);
        Matcher falseAlerts = Pattern.compile("false alerts: (\\d+)").matcher(text);
        assertTrue(falseAlerts.find(), text);
        assertTrue(
                Integer.parseInt(feedback.group(1)) <= Integer.parseInt(falseAlerts.group(1)),
                "feedback answers false alerts only:\n" + text);
        assertTrue(text.contains("temporary data removed"), text);
    }
}
