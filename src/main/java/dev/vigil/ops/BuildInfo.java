package dev.vigil.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code vigil_build_info} gauge: constant 1, tagged with the Vigil version (the jar manifest's
 * {@code Implementation-Version}, {@code dev} when run from classes) and the Java runtime version, so
 * dashboards and alerts can tell which build runs where.
 */
public final class BuildInfo {
    private static final Object HOLDER = new Object();

    private BuildInfo() {}

    /** The Vigil version of this build. */
    public static String version() {
        String version = BuildInfo.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Registers {@code vigil.build.info} in {@code registry}. */
    public static void bindTo(MeterRegistry registry) {
        Gauge.builder(MetricNames.BUILD_INFO, HOLDER, holder -> 1.0)
                .description("Constant 1, tagged with the build's version and the Java version")
                .tag("version", version())
                .tag("java_version", Runtime.version().toString())
                .strongReference(true)
                .register(registry);
    }
}
