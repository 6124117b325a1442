package dev.vigil.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil demo}: everything in one process on a fresh machine. An in-process Kafka broker, the
 * pump simulator, the trainer service (bootstrapping a first model from two clean simulated days,
 * then retraining and hot-swapping), the detector, a live console, {@code /metrics} on a printed port,
 * and at the end the alerts scored against the injected anomalies. Ctrl-C stops it cleanly.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run Vigil end to end in this process: Kafka, simulated pumps with injected anomalies,"
                + " trainer, detector, live console and a caught/missed/false report.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--duration",
            defaultValue = "90s",
            converter = HumanDuration.class,
            description = "How long to run (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--entities", defaultValue = "5", description = "Simulated pumps (default: ${DEFAULT-VALUE})")
    int entities;

    @Option(names = "--rate", defaultValue = "1000", description = "Readings per second (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the simulation and training (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--metrics-port",
            defaultValue = "0",
            description = "Port of /metrics, /health, /ready; 0 = any free port")
    int metricsPort;

    @Option(
            names = "--metrics-address",
            paramLabel = "ADDRESS",
            defaultValue =
                    "${env:" + OpsPortOption.BIND_ADDRESS_ENV + ":-" + dev.vigil.ops.OpsHttpServer.LOOPBACK + "}",
            description = "Address of /metrics, /health, /ready (default: $" + OpsPortOption.BIND_ADDRESS_ENV
                    + ", else " + dev.vigil.ops.OpsHttpServer.LOOPBACK + ", this machine only)")
    String metricsAddress;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Detector setting, e.g. --set threshold.mode=global (repeatable)")
    java.util.Map<String, String> detectorSettings = new java.util.LinkedHashMap<>();

    @Option(
            names = "--retrain-every",
            defaultValue = "30s",
            converter = HumanDuration.class,
            description = "Wall-clock time between retraining runs (default: ${DEFAULT-VALUE})")
    Duration retrainEvery;

    @Option(
            names = "--status-every",
            defaultValue = "5s",
            converter = HumanDuration.class,
            description = "Wall-clock time between status lines (default: ${DEFAULT-VALUE})")
    Duration statusEvery;

    @Option(names = "--verbose", description = "Show Vigil's log lines too")
    boolean verbose;

    /** Whether the demo answers its own false alerts. */
    enum FeedbackMode {
        AUTO,
        OFF;

        /** Reads {@code auto} or {@code off}, in any case, whichever command line parses it. */
        static final class Converter implements picocli.CommandLine.ITypeConverter<FeedbackMode> {
            @Override
            public FeedbackMode convert(String value) {
                try {
                    return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.TypeConversionException(
                            "'" + value + "' is not a feedback mode: auto or off");
                }
            }
        }
    }

    @Option(
            names = "--feedback",
            defaultValue = "off",
            converter = FeedbackMode.Converter.class,
            description = "auto: answer every false alert (by the simulator's ground truth) with FALSE_ALARM"
                    + " feedback, as an operator would; off (default): no feedback")
    FeedbackMode feedback;

    private final CountDownLatch finished = new CountDownLatch(1);
    private DemoRun running;

    @Override
    public Integer call() throws Exception {
        if (!FullBuild.BROKER.check("demo", spec.commandLine().getErr())) {
            return FullBuild.EXIT_CODE;
        }
        var options = new DemoRun.Options(
                duration,
                entities,
                rate,
                seed,
                metricsAddress,
                metricsPort,
                detectorSettings,
                retrainEvery,
                statusEvery,
                verbose,
                feedback == FeedbackMode.AUTO);
        running = new DemoRun(options, System.nanoTime());
        PrintWriter out = spec.commandLine().getOut();
        if (!verbose) {
            quietLogs();
        }
        Termination.onSignal(this::stopFromCtrlC);
        Path temp = Files.createTempDirectory("vigil-demo-");
        try {
            return running.run(out, temp);
        } finally {
            deleteRecursively(temp);
            finished.countDown();
        }
    }

    private void stopFromCtrlC() {
        if (finished.getCount() == 0) {
            return;
        }
        running.stop();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void quietLogs() {
        for (String name : new String[] {"dev.vigil", "org.apache.kafka"}) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.ERROR);
        }
        // the in-process broker's own log (kafka.*) is not the demo's business; --verbose shows it
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("kafka")).setLevel(Level.OFF);
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
