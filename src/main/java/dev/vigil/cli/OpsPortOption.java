package dev.vigil.cli;

import dev.vigil.contract.ConfigSources;
import dev.vigil.ops.OpsHttpServer;
import dev.vigil.ops.Readiness;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import picocli.CommandLine.Option;

/**
 * {@code --metrics-port} and {@code --metrics-address} of the long-running services (detect,
 * trainer): off unless a port is given; bound to this machine only unless an address is given.
 */
final class OpsPortOption {
    /** Environment variable that sets the default of {@code --metrics-address} ({@code ops.bind.address}). */
    static final String BIND_ADDRESS_ENV = ConfigSources.OPS_BIND_ADDRESS_ENV;

    @Option(
            names = "--metrics-port",
            defaultValue = "-1",
            description = "Serve /metrics, /health, /ready on this port (0 = any free port, -1 = off).")
    int metricsPort;

    @Option(
            names = "--metrics-address",
            paramLabel = "ADDRESS",
            defaultValue = "${env:" + BIND_ADDRESS_ENV + ":-" + OpsHttpServer.LOOPBACK + "}",
            description = "Address the ops endpoint binds to (default: $" + BIND_ADDRESS_ENV + ", else "
                    + OpsHttpServer.LOOPBACK + ", this machine only; 0.0.0.0 = every interface, as in a container).")
    String metricsAddress;

    /**
     * The ops endpoint on the chosen address and port, or null when it is off (try-with-resources
     * accepts null); {@code health} answers {@code /health}, {@code readiness} {@code /ready}.
     */
    OpsHttpServer startOrNull(PrometheusMeterRegistry registry, Readiness.Check readiness, Readiness.Check health)
            throws IOException {
        return metricsPort < 0 ? null : OpsHttpServer.start(metricsAddress, metricsPort, registry, readiness, health);
    }
}
