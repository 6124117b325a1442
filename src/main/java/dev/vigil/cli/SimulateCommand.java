package dev.vigil.cli;

import dev.vigil.ops.simulator.InjectedAnomaly;
import dev.vigil.ops.simulator.ReadingFormat;
import dev.vigil.ops.simulator.Simulator;
import dev.vigil.ops.simulator.SimulatorConfig;
import dev.vigil.ops.simulator.SimulatorProducer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil simulate}: the pump simulator alone, against any Kafka cluster. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Send simulated pump readings (with injected, logged anomalies) to a Kafka topic.")
public final class SimulateCommand implements Callable<Integer> {
    private static final Duration UNTIL_STOPPED = Duration.ofDays(36_500);

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers, HOST:PORT[,HOST:PORT]")
    String bootstrap;

    @Option(
            names = "--topic",
            defaultValue = "vigil.readings",
            description = "Topic to write (default: ${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--entities", defaultValue = "10", description = "Number of pumps (default: ${DEFAULT-VALUE})")
    int entities;

    @Option(
            names = "--rate",
            defaultValue = "500",
            description = "Records per second, all pumps together (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--duration",
            converter = HumanDuration.class,
            description = "Wall-clock time to run, e.g. 90s, 10m; default: until Ctrl-C")
    Duration duration;

    @Option(names = "--format", defaultValue = "avro", description = "avro or json (default: ${DEFAULT-VALUE})")
    ReadingFormat format;

    @Option(
            names = "--step",
            defaultValue = "1m",
            converter = HumanDuration.class,
            description = "Simulated time between two readings of one pump (default: ${DEFAULT-VALUE})")
    Duration step;

    @Option(
            names = "--clean",
            defaultValue = "2d",
            converter = HumanDuration.class,
            description = "Simulated time with no anomalies at the start (default: ${DEFAULT-VALUE})")
    Duration clean;

    @Override
    public Integer call() throws Exception {
        SimulatorConfig config = new SimulatorConfig(
                entities, seed, SimulatorConfig.DEFAULT_START, step, clean, Duration.ofHours(12), true);
        Simulator simulator = new Simulator(config);
        CountDownLatch finished = new CountDownLatch(1);
        try (SimulatorProducer producer = new SimulatorProducer(simulator, bootstrap, topic, format, rate)) {
            stopOnCtrlC(producer, finished);
            producer.run(duration == null ? UNTIL_STOPPED : duration);
            report(simulator, producer);
        } finally {
            finished.countDown();
        }
        return 0;
    }

    private static void stopOnCtrlC(SimulatorProducer producer, CountDownLatch finished) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            producer.stop();
            awaitQuietly(finished);
        }));
    }

    private void report(Simulator simulator, SimulatorProducer producer) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "Sent %d readings of %d pumps to %s; simulated time reached %s%n",
                producer.sent(), entities, topic, java.time.Instant.ofEpochMilli(simulator.simulatedTimeMillis()));
        out.printf(
                "Injected %d anomalies:%n", simulator.groundTruth().episodes().size());
        for (InjectedAnomaly episode : simulator.groundTruth().episodes()) {
            out.printf(
                    "  %-8s %-19s %-14s %s .. %s%n",
                    episode.entity(),
                    episode.kind(),
                    episode.sensor(),
                    java.time.Instant.ofEpochMilli(episode.startMillis()),
                    java.time.Instant.ofEpochMilli(episode.endMillis()));
        }
        out.flush();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
