package dev.vigil.cli;

import dev.vigil.ops.OpsHttpServer;
import dev.vigil.ops.Readiness;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import picocli.CommandLine.Option;

/** {@code --metrics-port} of the long-running services (detect, trainer): off unless given. */
final class OpsPortOption {
    @Option(
            names = "--metrics-port",
            defaultValue = "-1",
            description = "Serve /metrics, /health, /ready on this port (0 = any free port, -1 = off).")
    int metricsPort;

    /** The ops endpoint on the chosen port, or null when it is off (try-with-resources accepts null). */
    OpsHttpServer startOrNull(PrometheusMeterRegistry registry, Readiness.Check readiness) throws IOException {
        return metricsPort < 0 ? null : OpsHttpServer.start(metricsPort, registry, readiness);
    }
}
