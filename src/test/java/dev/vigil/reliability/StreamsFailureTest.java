package dev.vigil.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.cli.ExitCodes;
import dev.vigil.ops.EmbeddedKafka;
import dev.vigil.testkit.TestBundles;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A forked detector whose input topic is deleted under it fails for good: Kafka Streams raises
 * MissingSourceTopicException, the uncaught-exception policy {@code shutdown} takes the client to
 * ERROR, {@code /health} answers 503 with the state and the cause while the process still runs, and
 * the process then exits {@link ExitCodes#STREAMS_FAILED} with the cause on stderr.
 */
class StreamsFailureTest {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsFailureTest.class);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    @TempDir
    Path dir;

    @Test
    @Timeout(150)
    void deletingTheInputTopicTurnsHealthRedThenExitsWithTheStreamsFailureCode() throws Exception {
        try (EmbeddedKafka kafka = DetectorRig.startKafka()) {
            DetectorRig.createTopics(kafka);
            Path bundle = TestBundles.writeTrained(dir, 1);
            Map<String, String> props =
                    DetectorRig.properties(kafka, "doomed", "at_least_once", bundle, dir.resolve("state"));
            int port = freePort();
            List<String> ops = List.of("--metrics-port", Integer.toString(port));
            try (ForkedDetector detector = new ForkedDetector("doomed", dir, props, ops)) {
                detector.startAndAwaitRunning(Duration.ofSeconds(60));
                assertEquals(200, health(port).statusCode(), detector.logText());

                long deleted = System.nanoTime();
                deleteTopic(kafka, DetectorRig.INPUT);
                HttpResponse<String> unhealthy = awaitUnhealthy(detector, port, Duration.ofSeconds(60));
                long red = System.nanoTime();
                int exit = detector.awaitExit(Duration.ofSeconds(30));
                LOG.info(
                        "/health {} {} ms after the topic was deleted; exit {} {} ms after that",
                        unhealthy.statusCode(),
                        (red - deleted) / 1_000_000,
                        exit,
                        (System.nanoTime() - red) / 1_000_000);

                assertEquals(503, unhealthy.statusCode(), detector.logText());
                assertTrue(unhealthy.body().contains("kafka streams is"), unhealthy.body());
                assertTrue(unhealthy.body().contains("MissingSourceTopicException"), unhealthy.body());
                assertEquals(ExitCodes.STREAMS_FAILED, exit, detector.logText());
                assertTrue(detector.logText().contains("vigil detect: stopped: kafka streams is"), detector.logText());
            }
        }
    }

    /** Polls /health until it is not 200; fails if the process exits first, or time runs out. */
    private HttpResponse<String> awaitUnhealthy(ForkedDetector detector, int port, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(detector.isAlive(), "exited before /health turned red:\n" + detector.logText());
            HttpResponse<String> response = health(port);
            if (response.statusCode() != 200) {
                return response;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("/health stayed 200 for " + timeout + ":\n" + detector.logText());
    }

    private HttpResponse<String> health(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void deleteTopic(EmbeddedKafka kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.deleteTopics(Set.of(topic)).all().get();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
