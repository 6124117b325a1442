package dev.vigil.cli;

import dev.vigil.detector.Detector;
import dev.vigil.detector.NoModelException;
import dev.vigil.detector.StreamsHealth;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.models.BundleRefusedException;
import dev.vigil.ops.DetectorMetrics;
import dev.vigil.ops.OpsHttpServer;
import dev.vigil.ops.PlatformMetrics;
import dev.vigil.ops.Readiness;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil detect --config detector.properties}: runs the detector until SIGTERM/SIGINT, then
 * closes Kafka Streams (committing its work) and only then the ONNX Runtime sessions. When Kafka
 * Streams fails for good ({@link StreamsHealth}) it does the same at once and exits {@value
 * ExitCodes#STREAMS_FAILED}; exit codes are in {@link ExitCodes}.
 *
 * <p>The signal handler is in place before the first model loads: a signal that arrives while a
 * session is being created waits for that load to finish, and then stops the detector as usual.
 * Left to the JVM's shutdown hooks, ONNX Runtime's own hook would free its environment under the
 * session being built (a SIGSEGV in {@code libonnxruntime.so}, exit 134).
 */
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = "Score every reading of the input topic and raise alerts (Kafka Streams + ONNX Runtime).",
        footer = {
            "",
            "Exit codes: 143 stopped by SIGTERM/SIGINT; 2 bad option or configuration (unknown key, invalid value,"
                    + " model.trust=signed without model.trusted.keys); 4 no model it may serve; 70 Kafka Streams failed"
                    + " for good (/health turned 503 first); 1 unexpected error. See docs/OPERATIONS.md."
        })
public final class DetectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Detector properties (docs/DETECTOR.md); VIGIL_* environment variables override them"
                    + " (VIGIL_INPUT_TOPIC sets input.topic); kafka.* keys go to Kafka Streams.")
    Path config;

    @Mixin
    OpsPortOption opsPort;

    @Override
    public Integer call() throws Exception {
        DetectorConfig settings;
        try {
            settings = DetectorConfig.load(config, System.getenv());
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("vigil detect: invalid configuration: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (PlatformMetrics platform = new PlatformMetrics()) {
            platform.bindTo(registry);
            return run(settings, platform, registry);
        }
    }

    private int run(DetectorConfig settings, PlatformMetrics platform, PrometheusMeterRegistry registry)
            throws Exception {
        DetectorMetrics metrics = new DetectorMetrics();
        metrics.bindTo(registry);
        CountDownLatch stopOrFailure = new CountDownLatch(1);
        Termination.onSignal(stopOrFailure::countDown);
        Detector detector;
        try {
            detector = Detector.start(settings, metrics, new StreamsHealth(stopOrFailure::countDown));
        } catch (BundleRefusedException | NoModelException e) {
            return refused(ExitCodes.NO_MODEL, e);
        } catch (ConfigException e) {
            return refused(ExitCodes.USAGE, e);
        } catch (IllegalStateException e) {
            return refused(ExitCodes.FAILURE, e);
        }
        try (AutoCloseable streamsMetrics = platform.bindKafkaStreams(detector.streams());
                OpsHttpServer ops = opsPort.startOrNull(registry, () -> ready(detector), () -> healthy(detector))) {
            stopOrFailure.await();
            detector.close();
        }
        return exitCode(detector.health());
    }

    private int refused(int exitCode, Exception e) {
        spec.commandLine().getErr().println("vigil detect: cannot start: " + e.getMessage());
        return exitCode;
    }

    private int exitCode(StreamsHealth health) {
        if (health.failure().isEmpty()) {
            return ExitCodes.SIGTERM;
        }
        spec.commandLine()
                .getErr()
                .println("vigil detect: stopped: " + health.failure().get());
        spec.commandLine().getErr().flush();
        return ExitCodes.STREAMS_FAILED;
    }

    private static Readiness healthy(Detector detector) {
        return detector.health().failure().map(Readiness::notReady).orElseGet(Readiness::isReady);
    }

    private static Readiness ready(Detector detector) {
        KafkaStreams.State state = detector.streams().state();
        return state == KafkaStreams.State.RUNNING
                ? Readiness.isReady()
                : Readiness.notReady("kafka streams is " + state);
    }
}
