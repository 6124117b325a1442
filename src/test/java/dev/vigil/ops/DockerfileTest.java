package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The production image as the Dockerfile defines it, checked without a Docker engine: pinned base
 * images, a numeric user, the lean class path, and a HEALTHCHECK whose command, run here with bash,
 * tells a live {@link OpsHttpServer} from a closed port.
 */
class DockerfileTest {
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    /** {@code image:tag}, the tag starting with a full version such as 3.9.11 or 17.0.16_8. */
    private static final Pattern PINNED = Pattern.compile("[a-z0-9./-]+:(\\d+\\.\\d+\\.\\d+[\\w.-]*)(@sha256:\\w+)?");

    @Test
    void baseImagesArePinnedToExactVersions() throws IOException {
        List<String> froms = arguments("FROM");
        assertEquals(2, froms.size(), "build and runtime stages: " + froms);
        for (String from : froms) {
            String image = from.split("\\s+")[0];
            Matcher pinned = PINNED.matcher(image);
            assertTrue(pinned.matches(), "FROM " + image + " is not pinned to a full version");
            assertFalse(image.contains("latest"), image);
        }
    }

    @Test
    void runsAsANumericUserSoRunAsNonRootCanVerifyIt() throws IOException {
        List<String> users = runtimeStage("USER");
        assertEquals(1, users.size(), "one USER in the runtime stage: " + users);
        assertTrue(users.get(0).matches("[1-9]\\d*(:\\d+)?"), "USER " + users.get(0) + " is not numeric");
    }

    @Test
    void copiesTheLeanClassPathAsTargetLib() throws IOException {
        List<String> copies = runtimeStage("COPY");
        assertTrue(copies.contains("--from=build /src/target/lib-runtime target/lib"), copies.toString());
        assertFalse(copies.stream().anyMatch(c -> c.contains("/src/target/lib ")), "full target/lib copied: " + copies);
    }

    @Test
    void healthCheckPassesOnALiveOpsServerAndFailsOnAClosedPort() throws Exception {
        List<String> command = healthCheckCommand();
        try (OpsHttpServer server = OpsHttpServer.start(
                OpsHttpServer.LOOPBACK,
                0,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> Readiness.notReady("health does not wait for readiness"))) {
            assertEquals(0, run(command, server.port()), "health check against a live server");
        }
        assertEquals(1, run(command, closedPort()), "health check against a closed port");
    }

    private static List<String> healthCheckCommand() throws IOException {
        List<String> checks = runtimeStage("HEALTHCHECK");
        assertEquals(1, checks.size(), "one HEALTHCHECK: " + checks);
        String check = checks.get(0);
        int cmd = check.indexOf("CMD [");
        assertTrue(cmd >= 0, "HEALTHCHECK in exec form: " + check);
        String[] argv = new ObjectMapper().readValue(check.substring(cmd + 4), String[].class);
        return List.of(argv);
    }

    private static int run(List<String> command, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("VIGIL_HEALTH_PORT", Integer.toString(port));
        Process process = builder.start();
        process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "health check did not finish");
        return process.exitValue();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Arguments of every {@code instruction} in the runtime (last) stage. */
    private static List<String> runtimeStage(String instruction) throws IOException {
        List<String> lines = instructions();
        int lastFrom = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        return argumentsOf(lines.subList(lastFrom, lines.size()), instruction);
    }

    private static List<String> arguments(String instruction) throws IOException {
        return argumentsOf(instructions(), instruction);
    }

    private static List<String> argumentsOf(List<String> lines, String instruction) {
        return lines.stream()
                .filter(l -> l.startsWith(instruction + " "))
                .map(l -> l.substring(instruction.length() + 1).trim())
                .toList();
    }

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    private static List<String> instructions() throws IOException {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continued = trimmed.endsWith("\\");
            current.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed)
                    .append(' ');
            if (!continued) {
                result.add(current.toString().replaceAll("\\s+", " ").trim());
                current.setLength(0);
            }
        }
        return result;
    }
}
