package dev.vigil.cli;

import ch.qos.logback.classic.Level;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.ops.DetectorMetrics;
import dev.vigil.ops.EmbeddedKafka;
import dev.vigil.ops.OpsHttpServer;
import dev.vigil.ops.PlatformMetrics;
import dev.vigil.ops.TrainerMetrics;
import dev.vigil.ops.demo.DemoStatus;
import dev.vigil.ops.demo.DetectionReport;
import dev.vigil.ops.demo.DetectionScorer;
import dev.vigil.ops.simulator.InjectedAnomaly;
import dev.vigil.ops.simulator.ReadingFormat;
import dev.vigil.ops.simulator.Simulator;
import dev.vigil.ops.simulator.SimulatorConfig;
import dev.vigil.ops.simulator.SimulatorProducer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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

    private final CountDownLatch finished = new CountDownLatch(1);
    private long startNanos;
    private volatile SimulatorProducer producer;
    private volatile boolean interrupted;

    @Override
    public Integer call() throws Exception {
        startNanos = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        if (!verbose) {
            quietLogs();
        }
        Termination.onSignal(this::stopFromCtrlC);
        Path temp = Files.createTempDirectory("vigil-demo-");
        try {
            return run(out, temp);
        } finally {
            deleteRecursively(temp);
            finished.countDown();
        }
    }

    private int run(PrintWriter out, Path temp) throws Exception {
        ConsoleView console = new ConsoleView(out);
        SimulatorConfig simulation =
                SimulatorConfig.defaults(entities, seed).withAnomalySchedule(Duration.ofDays(2), Duration.ofDays(1));
        Simulator simulator = new Simulator(simulation);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SigningKeys.writePair(SigningKeys.generate(), temp);
        out.printf(
                "Vigil demo: %d pumps, %.0f readings/s, seed %d, for %s (Ctrl-C stops early)%n",
                entities, rate, seed, duration);
        out.flush();
        DetectorMetrics detectorMetrics = new DetectorMetrics();
        detectorMetrics.bindTo(registry);
        TrainerMetrics trainerMetrics = new TrainerMetrics();
        trainerMetrics.bindTo(registry);
        try (PlatformMetrics platform = new PlatformMetrics();
                EmbeddedKafka kafka = startQuietly()) {
            platform.bindTo(registry);
            kafka.createTopics(DemoSettings.topics(Math.max(1, Math.min(entities, 4))));
            String bootstrap = kafka.bootstrapServers();
            try (SimulatorProducer simulatorProducer = new SimulatorProducer(
                            simulator, bootstrap, DemoSettings.READINGS, ReadingFormat.AVRO, rate);
                    DemoDetector detector = new DemoDetector(
                            DemoSettings.detector(
                                    bootstrap,
                                    temp.resolve("streams"),
                                    temp.resolve(SigningKeys.PUBLIC_FILE),
                                    detectorSettings),
                            new DemoDetectorEvents(detectorMetrics, console));
                    OpsHttpServer ops = OpsHttpServer.start(metricsPort, registry, detector::readiness)) {
                producer = simulatorProducer;
                out.printf("Kafka at %s; metrics at %s/metrics%n", bootstrap, ops.baseUri());
                int cleanTicks = (int)
                        (simulation.cleanPeriod().toMillis() / simulation.step().toMillis());
                simulatorProducer.burst(cleanTicks);
                out.printf(
                        "Sent %,d readings of %d clean simulated days; training a first model...%n",
                        cleanTicks * entities, simulation.cleanPeriod().toDays());
                out.flush();
                try (DemoTrainer trainer = new DemoTrainer(
                                DemoSettings.trainer(
                                        bootstrap, temp.resolve(SigningKeys.PRIVATE_FILE), seed, retrainEvery),
                                trainerMetrics);
                        AlertsFollower alerts =
                                new AlertsFollower(bootstrap, DemoSettings.ALERTS, timingFirstAlert(console))) {
                    runLive(simulator, simulatorProducer, trainer, detector, platform, registry, console);
                    Thread.sleep(2_000);
                    report(simulator, alerts, console, out);
                }
            }
        }
        out.println(interrupted ? "Stopped early; temporary data removed." : "Done; temporary data removed.");
        out.flush();
        return 0;
    }

    private void runLive(
            Simulator simulator,
            SimulatorProducer simulatorProducer,
            DemoTrainer trainer,
            DemoDetector detector,
            PlatformMetrics platform,
            PrometheusMeterRegistry registry,
            ConsoleView console)
            throws InterruptedException {
        Thread feeder = new Thread(() -> feed(simulatorProducer), "vigil-demo-simulator");
        feeder.setDaemon(true);
        feeder.start();
        Thread starter =
                new Thread(() -> startDetector(trainer, detector, platform, console), "vigil-demo-detector-start");
        starter.setDaemon(true);
        starter.start();
        int injectedShown = 0;
        while (feeder.isAlive()) {
            feeder.join(statusEvery.toMillis());
            injectedShown = showInjections(simulator, console, injectedShown);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            console.status(DemoStatus.read(registry, elapsed, simulator.simulatedTimeMillis()));
        }
        starter.join(1_000);
    }

    /** Shows alerts on the console and, once, how long after the start the first one came. */
    private java.util.function.Consumer<AnomalyAlert> timingFirstAlert(ConsoleView console) {
        java.util.concurrent.atomic.AtomicBoolean seen = new java.util.concurrent.atomic.AtomicBoolean();
        return alert -> {
            if (alert.getEvent() == AlertEvent.OPENED && seen.compareAndSet(false, true)) {
                console.firstAlert(Duration.ofNanos(System.nanoTime() - startNanos));
            }
            console.alert(alert);
        };
    }

    private void feed(SimulatorProducer simulatorProducer) {
        try {
            simulatorProducer.run(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void startDetector(
            DemoTrainer trainer, DemoDetector detector, PlatformMetrics platform, ConsoleView console) {
        try {
            if (trainer.awaitFirstModel(Duration.ofMinutes(10))) {
                detector.start(platform);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            console.problem("the detector could not start: " + e.getMessage());
        }
    }

    private static int showInjections(Simulator simulator, ConsoleView console, int alreadyShown) {
        var episodes = simulator.groundTruth().episodes();
        for (InjectedAnomaly episode : episodes.subList(alreadyShown, episodes.size())) {
            console.injected(episode);
        }
        return episodes.size();
    }

    private static void report(Simulator simulator, AlertsFollower alerts, ConsoleView console, PrintWriter out) {
        DetectionReport report = new DetectionScorer(DemoSettings.GRACE)
                .score(simulator.groundTruth().episodes(), alerts.book().episodes(), simulator.simulatedTimeMillis());
        out.println();
        console.report(report, DemoSettings.GRACE);
    }

    private void stopFromCtrlC() {
        if (finished.getCount() == 0) {
            return;
        }
        interrupted = true;
        SimulatorProducer running = producer;
        if (running != null) {
            running.stop();
        }
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the broker; its storage formatter prints to System.out, which is not the demo's console. */
    private EmbeddedKafka startQuietly() throws Exception {
        if (verbose) {
            return EmbeddedKafka.start();
        }
        return QuietBroker.start();
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
