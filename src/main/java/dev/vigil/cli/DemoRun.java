package dev.vigil.cli;

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
import dev.vigil.ops.demo.FalseAlertTimeline;
import dev.vigil.ops.simulator.InjectedAnomaly;
import dev.vigil.ops.simulator.ReadingFormat;
import dev.vigil.ops.simulator.Simulator;
import dev.vigil.ops.simulator.SimulatorConfig;
import dev.vigil.ops.simulator.SimulatorProducer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One run of {@code vigil demo}: the in-process broker, the simulator, the trainer service and the
 * detector, the live console while the simulator feeds readings, and the caught/missed/false report
 * at the end. {@link #stop} ends the feed early (Ctrl-C); the run then reports and cleans up.
 */
final class DemoRun {
    /** The demo's command-line options. */
    record Options(
            Duration duration,
            int entities,
            double rate,
            long seed,
            String metricsAddress,
            int metricsPort,
            Map<String, String> detectorSettings,
            Duration retrainEvery,
            Duration statusEvery,
            boolean verbose,
            boolean autoFeedback) {}

    /** Width of the intervals of the false-alerts-over-time report. */
    static final Duration TIMELINE = Duration.ofSeconds(10);

    private final Options options;
    private final long startNanos;
    private volatile SimulatorProducer producer;
    private volatile boolean interrupted;
    private final Map<String, Duration> openedAt = new java.util.concurrent.ConcurrentHashMap<>();

    DemoRun(Options options, long startNanos) {
        this.options = options;
        this.startNanos = startNanos;
    }

    /** Stops the simulator's feed; {@link #run} then reports what it saw and returns. */
    void stop() {
        interrupted = true;
        SimulatorProducer running = producer;
        if (running != null) {
            running.stop();
        }
    }

    /** Runs the demo with its temporary files in {@code temp}; returns the exit code. */
    int run(PrintWriter out, Path temp) throws Exception {
        ConsoleView console = new ConsoleView(out);
        SimulatorConfig simulation = SimulatorConfig.defaults(options.entities(), options.seed())
                .withAnomalySchedule(Duration.ofDays(2), Duration.ofDays(1));
        Simulator simulator = new Simulator(simulation);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SigningKeys.writePair(SigningKeys.generate(), temp);
        out.printf(
                "Vigil demo: %d pumps, %.0f readings/s, seed %d, for %s%s (Ctrl-C stops early)%n",
                options.entities(),
                options.rate(),
                options.seed(),
                options.duration(),
                options.autoFeedback() ? ", answering false alerts with feedback" : "");
        out.flush();
        DetectorMetrics detectorMetrics = new DetectorMetrics();
        detectorMetrics.bindTo(registry);
        TrainerMetrics trainerMetrics = new TrainerMetrics();
        trainerMetrics.bindTo(registry);
        try (PlatformMetrics platform = new PlatformMetrics();
                EmbeddedKafka kafka = startQuietly()) {
            platform.bindTo(registry);
            kafka.createTopics(DemoSettings.topics(Math.max(1, Math.min(options.entities(), 4))));
            String bootstrap = kafka.bootstrapServers();
            try (SimulatorProducer simulatorProducer = new SimulatorProducer(
                            simulator, bootstrap, DemoSettings.READINGS, ReadingFormat.AVRO, options.rate());
                    DemoDetector detector = new DemoDetector(
                            DemoSettings.detector(
                                    bootstrap,
                                    temp.resolve("streams"),
                                    temp.resolve(SigningKeys.PUBLIC_FILE),
                                    options.detectorSettings()),
                            new DemoDetectorEvents(detectorMetrics, console));
                    OpsHttpServer ops = OpsHttpServer.start(
                            options.metricsAddress(), options.metricsPort(), registry, detector::readiness)) {
                producer = simulatorProducer;
                out.printf("Kafka at %s; metrics at %s/metrics%n", bootstrap, ops.baseUri());
                int cleanTicks = (int)
                        (simulation.cleanPeriod().toMillis() / simulation.step().toMillis());
                simulatorProducer.burst(cleanTicks);
                out.printf(
                        "Sent %,d readings of %d clean simulated days; training a first model...%n",
                        cleanTicks * options.entities(),
                        simulation.cleanPeriod().toDays());
                out.flush();
                try (DemoTrainer trainer = new DemoTrainer(
                                DemoSettings.trainer(
                                        bootstrap,
                                        temp.resolve(SigningKeys.PRIVATE_FILE),
                                        options.seed(),
                                        options.retrainEvery()),
                                trainerMetrics,
                                console);
                        DemoFeedback feedback = new DemoFeedback(bootstrap, simulator, registry, console);
                        AlertsFollower alerts =
                                new AlertsFollower(bootstrap, DemoSettings.ALERTS, listener(console, feedback))) {
                    runLive(simulator, simulatorProducer, trainer, detector, platform, registry, console);
                    Thread.sleep(2_000);
                    report(simulator, alerts, console, out);
                    reportOverTime(simulator, alerts, feedback, console);
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
            feeder.join(options.statusEvery().toMillis());
            injectedShown = showInjections(simulator, console, injectedShown);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            console.status(DemoStatus.read(registry, elapsed, simulator.simulatedTimeMillis()));
        }
        starter.join(1_000);
    }

    /** What happens to every alert event: the console, the wall-clock time it opened, and auto feedback. */
    private java.util.function.Consumer<AnomalyAlert> listener(ConsoleView console, DemoFeedback feedback) {
        var timing = timingFirstAlert(console);
        return alert -> {
            if (alert.getEvent() == AlertEvent.OPENED) {
                openedAt.putIfAbsent(alert.getAlertId(), Duration.ofNanos(System.nanoTime() - startNanos));
            }
            timing.accept(alert);
            if (options.autoFeedback()) {
                feedback.onAlert(alert);
            }
        };
    }

    /** False alerts per {@link #TIMELINE} of wall-clock time, and the feedback sent and applied. */
    private void reportOverTime(
            Simulator simulator, AlertsFollower alerts, DemoFeedback feedback, ConsoleView console) {
        var scorer = new DetectionScorer(DemoSettings.GRACE);
        var truth = simulator.groundTruth().episodes();
        long now = simulator.simulatedTimeMillis();
        List<Integer> counts = new FalseAlertTimeline(TIMELINE)
                .count(
                        openedAt,
                        alerts.book().episodes(),
                        alert -> scorer.isFalse(alert, truth, now),
                        Duration.ofNanos(System.nanoTime() - startNanos));
        console.falseAlertsOverTime(counts, TIMELINE, feedback.sent(), feedback.applied());
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
            simulatorProducer.run(options.duration());
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

    /** Starts the broker; its storage formatter prints to System.out, which is not the demo's console. */
    private EmbeddedKafka startQuietly() throws Exception {
        if (options.verbose()) {
            return EmbeddedKafka.start();
        }
        return QuietBroker.start();
    }
}
