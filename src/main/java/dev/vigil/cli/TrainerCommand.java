package dev.vigil.cli;

import dev.vigil.ops.OpsHttpServer;
import dev.vigil.ops.PlatformMetrics;
import dev.vigil.ops.TrainerMetrics;
import dev.vigil.trainer.service.GroupTrainers;
import dev.vigil.trainer.service.ModelTrainerCandidates;
import dev.vigil.trainer.service.TrainerLoop;
import dev.vigil.trainer.service.TrainerService;
import dev.vigil.trainer.service.TrainerServiceConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil trainer}: the continuously running trainer service. SIGTERM/SIGINT stop it once the
 * step in progress ends (a training run completes first), through {@link Termination} rather than a
 * shutdown hook, so ONNX Runtime's environment is never freed under a session the gate is using.
 * The service runs on a watched thread ({@link TrainerWorker}): if it dies of an error, {@code
 * /health} turns 503 and the process exits {@value ExitCodes#TRAINER_FAILED}.
 */
@Command(
        name = "trainer",
        mixinStandardHelpOptions = true,
        description = "Keep a model group fresh: collect normal data from vigil.scored, retrain on schedule or drift,"
                + " gate candidates against the model in use, publish signed bundles to vigil.models.",
        footer = {
            "",
            "Exit codes: 143 stopped by SIGTERM/SIGINT; 2 bad option or configuration (unknown key, invalid value);"
                    + " 71 the trainer thread died (/health turned 503 first); 1 unexpected error. See docs/OPERATIONS.md."
        })
public final class TrainerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "trainer.properties (see docs/MODELS.md).")
    Path config;

    @Mixin
    OpsPortOption opsPort;

    @Override
    public Integer call() throws Exception {
        TrainerServiceConfig settings;
        try {
            settings = TrainerServiceConfig.load(config, System.getenv());
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("Invalid configuration in " + config + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        TrainerMetrics metrics = new TrainerMetrics();
        metrics.bindTo(registry);
        try (PlatformMetrics platform = new PlatformMetrics();
                TrainerLoop service = loop(settings, metrics)) {
            platform.bindTo(registry);
            TrainerWorker worker = new TrainerWorker(service);
            Termination.onSignal(service::close);
            try (OpsHttpServer ops = opsPort.startOrNull(registry, worker::readiness, worker::health)) {
                return worker.runToEnd().map(this::died).orElse(ExitCodes.SIGTERM);
            }
        }
    }

    private int died(Throwable cause) {
        spec.commandLine().getErr().println("vigil trainer: stopped: the trainer thread died: " + cause);
        return ExitCodes.TRAINER_FAILED;
    }

    /** One service per group of {@code trainer.groups}, or the one of {@code model.group}. */
    private static TrainerLoop loop(TrainerServiceConfig settings, TrainerMetrics metrics) throws IOException {
        if (settings.groups().isEmpty()) {
            return new TrainerService(settings, ModelTrainerCandidates.from(settings), metrics, Clock.systemUTC());
        }
        return new GroupTrainers(settings, ModelTrainerCandidates::from, metrics, Clock.systemUTC());
    }
}
