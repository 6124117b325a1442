package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.Verdict;
import dev.vigil.testkit.LocalAddresses;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsHttpServerTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DetectorMetrics metrics = new DetectorMetrics();
    private final AtomicReference<Readiness> readiness =
            new AtomicReference<>(Readiness.notReady("no model loaded yet"));
    private final HttpClient client = HttpClient.newHttpClient();
    private OpsHttpServer server;

    @BeforeEach
    void start() throws IOException {
        metrics.bindTo(registry);
        server = OpsHttpServer.start(0, registry, readiness::get);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthTurns503WithTheCauseWhenTheCheckFails() throws Exception {
        AtomicReference<Readiness> health = new AtomicReference<>(Readiness.isReady());
        try (OpsHttpServer ops = OpsHttpServer.start("127.0.0.1", 0, registry, readiness::get, health::get)) {
            HttpRequest request =
                    HttpRequest.newBuilder(ops.baseUri().resolve("/health")).build();
            assertEquals(
                    200,
                    client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
            health.set(Readiness.notReady("kafka streams is ERROR, cause: boom"));
            HttpResponse<String> failed = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(503, failed.statusCode());
            assertEquals("unhealthy: kafka streams is ERROR, cause: boom\n", failed.body());
        }
    }

    @Test
    void metricsServesPrometheusTextByDefault() throws Exception {
        metrics.scored(Verdict.ANOMALOUS, 4.2, 1.0);
        HttpResponse<String> response = get("/metrics", null);
        assertEquals(200, response.statusCode());
        assertEquals(
                OpsHttpServer.PROMETHEUS_TEXT,
                response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("vigil_anomalies_total 1.0"), response.body());
        assertTrue(response.body().contains("vigil_score_bucket{le=\"5.0\"} 1"), response.body());
    }

    @Test
    void metricsServesOpenMetricsWhenAcceptAsksForIt() throws Exception {
        HttpResponse<String> response = get("/metrics", "application/openmetrics-text; version=1.0.0,text/plain;q=0.5");
        assertEquals(
                OpsHttpServer.OPENMETRICS_TEXT,
                response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("# TYPE vigil_anomalies counter"), response.body());
        assertTrue(response.body().strip().endsWith("# EOF"), "OpenMetrics ends with # EOF");
    }

    @Test
    void healthIsOkWhileAlive() throws Exception {
        assertEquals(200, get("/health", null).statusCode());
    }

    @Test
    void readyFollowsTheCheckAndExplainsWhyNot() throws Exception {
        HttpResponse<String> notReady = get("/ready", null);
        assertEquals(503, notReady.statusCode());
        assertTrue(notReady.body().contains("no model loaded yet"), notReady.body());
        readiness.set(Readiness.isReady());
        assertEquals(200, get("/ready", null).statusCode());
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        assertEquals(404, get("/metricsx", null).statusCode());
        HttpRequest post = HttpRequest.newBuilder(server.baseUri().resolve("/health"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        assertEquals(
                405, client.send(post, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void aFailingCheckAnswers500InsteadOfHanging() throws Exception {
        try (OpsHttpServer failing = OpsHttpServer.start(0, registry, () -> {
            throw new IllegalStateException("boom");
        })) {
            HttpRequest request =
                    HttpRequest.newBuilder(failing.baseUri().resolve("/ready")).build();
            assertEquals(
                    500,
                    client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void aTakenPortFailsAtStartUp() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThrows(IOException.class, () -> OpsHttpServer.start(taken.getLocalPort(), registry, readiness::get));
        }
    }

    @Test
    void byDefaultItListensOnLoopbackOnly() throws Exception {
        assertTrue(
                server.address().getAddress().isLoopbackAddress(),
                server.address().toString());
        assertTrue(LocalAddresses.accepts(InetAddress.getLoopbackAddress(), server.port()));
        for (InetAddress other : LocalAddresses.otherThanLoopback()) {
            assertFalse(LocalAddresses.accepts(other, server.port()), "reachable on " + other);
        }
    }

    @Test
    void anAddressGivenIsTheAddressBound() throws Exception {
        try (OpsHttpServer everywhere = OpsHttpServer.start("0.0.0.0", 0, registry, readiness::get)) {
            assertTrue(
                    everywhere.address().getAddress().isAnyLocalAddress(),
                    everywhere.address().toString());
            assertEquals(200, get(everywhere, "/health").statusCode());
        }
    }

    @Test
    void anAddressThatDoesNotResolveFailsAtStartUp() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> OpsHttpServer.start("no-such-host.invalid", 0, registry, readiness::get));
        assertTrue(e.getMessage().contains("no-such-host.invalid"), e.getMessage());
    }

    private HttpResponse<String> get(OpsHttpServer target, String path) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(target.baseUri().resolve(path)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
