package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code logback.xml}, in a forked {@code vigil detect} that logs its configuration and
 * stops for want of a model: {@code LOG_FORMAT=json} makes every log line one parseable JSON object
 * (multi-line messages included); without it the lines are text.
 */
class LogFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void jsonFormatWritesOneJsonObjectPerLine() throws Exception {
        List<String> lines = runDetector(Map.of("LOG_FORMAT", "json"));
        List<String> logLines =
                lines.stream().filter(line -> !line.startsWith("vigil detect:")).toList();
        assertFalse(logLines.isEmpty(), String.join("\n", lines));
        for (String line : logLines) {
            JsonNode event = JSON.readTree(line);
            assertTrue(event.has("@timestamp") && event.has("level") && event.has("message"), line);
        }
        JsonNode described = logLines.stream()
                .map(LogFormatTest::parse)
                .filter(event -> event.get("message").asText().startsWith("detector configuration:"))
                .findFirst()
                .orElseThrow();
        assertEquals("INFO", described.get("level").asText());
        assertTrue(described.get("message").asText().contains("\n  model.trust = any"), described.toString());
    }

    @Test
    @Timeout(60)
    void textFormatIsTheDefault() throws Exception {
        List<String> lines = runDetector(Map.of());
        assertTrue(lines.stream().anyMatch(line -> line.contains(" INFO  [main] ")), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("{")), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(line -> line.contains("|-INFO in ch.qos.logback")), "no status dump");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }

    /** Runs {@code vigil detect} with no model to find (exit 3) and returns its stderr lines. */
    private List<String> runDetector(Map<String, String> env) throws Exception {
        Path config = dir.resolve("detector.properties");
        Files.writeString(config, "model.topic.enabled=false\nmodel.trust=any\nmodel.dir=" + dir + "\n");
        Path argFile = dir.resolve("java.args");
        Files.write(
                argFile,
                List.of(
                        "-Dlogback.configurationFile="
                                + Path.of("src/main/resources/logback.xml").toAbsolutePath(),
                        "-cp",
                        quoted(System.getProperty("java.class.path")),
                        "dev.vigil.cli.VigilCommand",
                        "detect",
                        "--config",
                        quoted(config.toString())));
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + argFile)
                .redirectError(err.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LOG_") || name.startsWith("VIGIL_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertTrue(process.waitFor(50, TimeUnit.SECONDS), "vigil detect did not exit");
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        assertEquals(ExitCodes.NO_MODEL, process.exitValue(), String.join("\n", lines));
        return lines;
    }

    private static String quoted(String arg) {
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
