package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo end to end, shortened: a real in-process broker, the simulator, the trainer service
 * bootstrapping a model, the detector scoring and alerting, and the final report.
 */
class DemoCommandTest {
    @Test
    void aShortDemoTrainsAModelRaisesAlertsAndReportsCaughtMissedAndFalse() {
        StringWriter out = new StringWriter();
        var cli = VigilCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("demo", "--duration", "35s", "--entities", "4", "--rate", "800", "--seed", "7");
        String text = out.toString();
        assertEquals(0, exit, text);
        List<String> lines = text.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[MODEL]  v1 live")), text);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[ALERT]  pump-")), text);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[INJECT] pump-")), text);
        Matcher report = Pattern.compile("caught: (\\d+)  missed: (\\d+)").matcher(text);
        assertTrue(report.find(), text);
        assertTrue(Integer.parseInt(report.group(1)) > 0, "some injected anomaly was caught:\n" + text);
        assertTrue(text.contains("false alerts: "), text);
        assertTrue(text.contains("temporary data removed"), text);
    }
}
