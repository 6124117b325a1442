package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules are valid ({@code promtool check rules}), behave as their unit tests say
 * ({@code promtool test rules}), and every alert has a unit test in which it fires and one in which
 * it stays silent; compose's Prometheus and Alertmanager configurations are valid too. promtool and
 * amtool come from Debian's {@code prometheus} and {@code prometheus-alertmanager} packages ({@code
 * .ci/run} installs them); without them these tests fail, unless {@code VIGIL_SKIP_PROMTOOL=true}
 * skips them on purpose.
 * That the metrics the rules read exist is checked by {@link DashboardMetricsTest} on a real scrape.
 */
class AlertRulesTest {
    static final String SKIP_ENV = "VIGIL_SKIP_PROMTOOL";

    private record Result(int exit, String output) {}

    @BeforeAll
    static void requirePromtool() throws InterruptedException {
        if ("true".equalsIgnoreCase(System.getenv(SKIP_ENV))) {
            Assumptions.abort(SKIP_ENV + "=true: promtool checks skipped on request");
        }
        for (String tool : List.of("promtool", "amtool")) {
            try {
                assertEquals(0, run(tool, "--version").exit());
            } catch (IOException e) {
                throw new AssertionError(
                        tool + " is missing: install it with `apt-get install -y --no-install-recommends prometheus"
                                + " prometheus-alertmanager` (.ci/run does), or set " + SKIP_ENV
                                + "=true to skip the alert rule checks",
                        e);
            }
        }
    }

    private static Result promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "promtool did not finish");
        return new Result(process.exitValue(), output);
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Result result = promtool("check", "rules", AlertRules.RULES.toString());
        assertEquals(0, result.exit(), result.output());
        assertTrue(
                result.output().contains("SUCCESS: " + AlertRules.alerts().size() + " rules found"), result.output());
    }

    @Test
    void composesPrometheusConfigLoadsTheRules() throws Exception {
        Result result = promtool("check", "config", "prometheus/prometheus.yml");
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("SUCCESS: 1 rule files found"), result.output());
    }

    @Test
    void composesAlertmanagerConfigIsValid() throws Exception {
        Result result = run("amtool", "check-config", "prometheus/alertmanager.yml");
        assertEquals(0, result.exit(), result.output());
    }

    @Test
    void theRulesBehaveAsTheirUnitTestsSay() throws Exception {
        Result result = promtool("test", "rules", AlertRules.UNIT_TESTS.toString());
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }

    @Test
    void promtoolCatchesAnAlertThatDoesNotFireAsExpected() throws Exception {
        Path broken = Files.createTempDirectory("vigil-rules").resolve("broken-test.yml");
        String tests = Files.readString(AlertRules.UNIT_TESTS)
                .replace(
                        "../rules/vigil-alerts.yml",
                        AlertRules.RULES.toAbsolutePath().toString())
                .replace("values: '1 0x7'", "values: '1x7'");
        Files.writeString(broken, tests);
        Result result = promtool("test", "rules", broken.toString());
        assertEquals(1, result.exit(), result.output());
        assertTrue(result.output().contains("VigilTrainerDown"), result.output());
    }

    @Test
    void everyAlertFiresInOneUnitTestAndStaysSilentInAnother() throws IOException {
        Set<String> fires = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (JsonNode test :
                AlertRules.YAML.readTree(AlertRules.UNIT_TESTS.toFile()).path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                String alert = check.path("alertname").asText();
                (check.path("exp_alerts").isEmpty() ? silent : fires).add(alert);
            }
        }
        Set<String> alerts = new TreeSet<>(AlertRules.alerts().keySet());
        assertEquals(alerts, fires, "alerts with a unit test in which they fire");
        assertEquals(alerts, silent, "alerts with a unit test in which they stay silent");
    }

    @Test
    void theRulesCoverWhatAnOperatorMustHear() throws IOException {
        assertEquals(
                Set.of(
                        "VigilDetectorDown",
                        "VigilDetectorNotReady",
                        "VigilTrainerDown",
                        "VigilNoInput",
                        "VigilDeadLetterShareHigh",
                        "VigilConsumerLagHigh",
                        "VigilModelStale",
                        "VigilModelSwapRefused",
                        "VigilTrainingFailing",
                        "VigilAnomalyAlertsOpen"),
                AlertRules.alerts().keySet());
    }

    @Test
    void everyAlertHasASeverityASummaryAndADescription() throws IOException {
        Set<String> severities = Set.of("critical", "warning", "info");
        AlertRules.alerts().forEach((name, rule) -> {
            assertTrue(severities.contains(rule.path("labels").path("severity").asText()), name);
            assertFalse(rule.path("annotations").path("summary").asText().isBlank(), name);
            assertFalse(rule.path("annotations").path("description").asText().isBlank(), name);
        });
    }
}
