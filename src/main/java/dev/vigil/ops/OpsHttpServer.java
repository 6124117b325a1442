package dev.vigil.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoint of the detector, the trainer and the demo, on the JDK's HTTP server:
 *
 * <ul>
 *   <li>{@code GET /metrics}: Prometheus text format 0.0.4, or OpenMetrics 1.0 when the {@code
 *       Accept} header asks for {@code application/openmetrics-text};
 *   <li>{@code GET /health}: 200 while the process can still make progress (the supplied health
 *       check, a {@link Readiness.Check} whose "ready" means "alive"), else 503 and the cause: an
 *       orchestrator's liveness probe restarts it;
 *   <li>{@code GET /ready}: 200 when the supplied {@link Readiness.Check} says so, else 503 and the
 *       reason.
 * </ul>
 */
public final class OpsHttpServer implements AutoCloseable {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    /** The default bind address: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(OpsHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private OpsHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving on {@code port} of the loopback interface only ({@code 0} picks a free port; see
     * {@link #port()}).
     *
     * @throws IOException if the port cannot be bound
     */
    public static OpsHttpServer start(int port, PrometheusMeterRegistry registry, Readiness.Check readiness)
            throws IOException {
        return start(LOOPBACK, port, registry, readiness);
    }

    /**
     * Starts serving on {@code port} of {@code bindAddress}: an IP address or host name of this
     * machine, {@value #LOOPBACK} for this machine only, {@code 0.0.0.0} for every interface (in a
     * container, whose port is published).
     *
     * @throws IllegalArgumentException if the address does not resolve
     * @throws IOException if the address and port cannot be bound
     */
    public static OpsHttpServer start(
            String bindAddress, int port, PrometheusMeterRegistry registry, Readiness.Check readiness)
            throws IOException {
        return start(bindAddress, port, registry, readiness, Readiness::isReady);
    }

    /**
     * Starts serving on {@code port} of {@code bindAddress} with {@code health} behind {@code /health}.
     *
     * @throws IllegalArgumentException if the address does not resolve
     * @throws IOException if the address and port cannot be bound
     */
    public static OpsHttpServer start(
            String bindAddress,
            int port,
            PrometheusMeterRegistry registry,
            Readiness.Check readiness,
            Readiness.Check health)
            throws IOException {
        checkPort(port);
        InetSocketAddress address = new InetSocketAddress(bindAddress, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("ops bind address " + bindAddress + " does not resolve");
        }
        return start(address, registry, readiness, health);
    }

    /** Starts serving on {@code address}; {@code /health} answers 200 as long as the process runs. */
    public static OpsHttpServer start(
            InetSocketAddress address, PrometheusMeterRegistry registry, Readiness.Check readiness) throws IOException {
        return start(address, registry, readiness, Readiness::isReady);
    }

    /** Starts serving on {@code address} with {@code health} behind {@code /health}. */
    public static OpsHttpServer start(
            InetSocketAddress address,
            PrometheusMeterRegistry registry,
            Readiness.Check readiness,
            Readiness.Check health)
            throws IOException {
        checkPort(address.getPort());
        HttpServer server = HttpServer.create(address, 0);
        server.createContext("/metrics", getOnly(exchange -> serveMetrics(exchange, registry)));
        server.createContext("/health", getOnly(exchange -> serveHealth(exchange, health)));
        server.createContext("/ready", getOnly(exchange -> serveReadiness(exchange, readiness)));
        ExecutorService executor = Executors.newFixedThreadPool(2, OpsHttpServer::daemonThread);
        server.setExecutor(executor);
        server.start();
        OpsHttpServer ops = new OpsHttpServer(server, executor);
        LOG.info("Ops endpoint serving /metrics, /health, /ready on {}", server.getAddress());
        return ops;
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("ops port must be 0..65535, was " + port);
        }
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address and port actually bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://<bound address>:<port>} ({@code localhost} when bound to every interface), for clients on this machine. */
    public URI baseUri() {
        InetAddress bound = server.getAddress().getAddress();
        String host = bound.isAnyLocalAddress() ? "localhost" : bound.getHostAddress();
        boolean bracketed = bound instanceof Inet6Address && !bound.isAnyLocalAddress();
        return URI.create("http://" + (bracketed ? "[" + host + "]" : host) + ":" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void serveMetrics(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        boolean openMetrics = accept != null && accept.contains("application/openmetrics-text");
        String contentType = openMetrics ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
        respond(exchange, 200, contentType, registry.scrape(contentType));
    }

    private static void serveReadiness(HttpExchange exchange, Readiness.Check check) throws IOException {
        Readiness readiness = check.check();
        if (readiness.ready()) {
            respond(exchange, 200, "text/plain", "ready\n");
        } else {
            respond(exchange, 503, "text/plain", "not ready: " + readiness.reason() + "\n");
        }
    }

    private static void serveHealth(HttpExchange exchange, Readiness.Check check) throws IOException {
        Readiness health = check.check();
        if (health.ready()) {
            respond(exchange, 200, "text/plain", "alive\n");
        } else {
            respond(exchange, 503, "text/plain", "unhealthy: " + health.reason() + "\n");
        }
    }

    private static HttpHandler getOnly(HttpHandler handler) {
        return exchange -> {
            try {
                dispatch(exchange, handler);
            } catch (RuntimeException e) {
                LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                respond(exchange, 500, "text/plain", "internal error: " + e + "\n");
            } finally {
                exchange.close();
            }
        };
    }

    private static void dispatch(HttpExchange exchange, HttpHandler handler) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
            respond(exchange, 404, "text/plain", "not found\n");
        } else if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            respond(exchange, 405, "text/plain", "only GET\n");
        } else {
            handler.handle(exchange);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Thread daemonThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "vigil-ops-http");
        thread.setDaemon(true);
        return thread;
    }
}
