package dev.vigil.bench;

import dev.vigil.ops.EmbeddedKafka;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detector against pass-through on one in-process broker and one set of readings: throughput of
 * each under exactly_once_v2; then the detector's steady end-to-end latency at {@link #LOADS} of its
 * measured maximum, after a warm-up; then a cold start: a fresh instance started into input paced at
 * the highest load.
 */
public final class Benchmark {
    private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);
    private static final String INPUT = "bench.input";
    /** The steady latency loads, as shares of the maximum rate. */
    static final List<Double> LOADS = List.of(0.25, 0.5);
    /** A drained cold start keeps every record within this many times the steady p99 (at least 100 ms). */
    private static final double DRAIN_BOUND_FACTOR = 2;

    private final BenchOptions options;

    /** A benchmark with {@code options}. */
    public Benchmark(BenchOptions options) {
        this.options = options;
    }

    /** Starts a broker, measures the pass-through baseline and {@code detector}, and stops the broker. */
    public BenchResult run(BenchSubject detector) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            return run(kafka, detector);
        }
    }

    /** Measures on an already running broker. */
    public BenchResult run(EmbeddedKafka kafka, BenchSubject detector) throws Exception {
        BenchClients clients = new BenchClients(kafka.bootstrapServers(), options.streamsSettings());
        BenchReadings readings = new BenchReadings(options.featureNames(), options.entities(), options.seed());
        produceInput(kafka, clients, readings);
        ThroughputRun throughput = new ThroughputRun(kafka, clients, options.partitions());
        for (int round = 0; round < options.warmupRounds(); round++) {
            measureRound(throughput, detector, "warmup" + round, false);
        }
        List<Throughput[]> rounds = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
            rounds.add(measureRound(throughput, detector, "round" + round, round % 2 == 1));
        }
        Rounds measured = Rounds.of(rounds, Throughput::recordsPerSecond);
        double maxRate = options.latencyRate() > 0 ? options.latencyRate() : measured.detectorMedian();
        LatencyRun latencyRun = new LatencyRun(kafka, clients, readings, options.partitions());
        List<LoadLatency> steady = latencyRun.steady(detector, maxRate, LOADS, options.latencyDuration());
        LoadLatency highest = steady.get(steady.size() - 1);
        ColdStart cold = latencyRun.coldStart(
                detector,
                highest.rateRps(),
                options.coldStartDuration(),
                Math.max(100, DRAIN_BOUND_FACTOR * highest.p99Ms()));
        return new BenchResult(
                measured,
                new Costs(
                        Rounds.of(rounds, Throughput::appCpuMicros),
                        Rounds.of(rounds, Throughput::streamThreadCpuMicros),
                        Rounds.of(rounds, Throughput::processCpuMicros),
                        Rounds.of(rounds, Throughput::bytesWritten),
                        Rounds.of(rounds, Throughput::changelogBytes),
                        serviceCpu(rounds)),
                options.warmupRounds(),
                maxRate,
                steady,
                cold,
                options.records(),
                options.streamsSettings(),
                detector.name(),
                detector.settings());
    }

    private static Map<ServiceThreads.Kind, Rounds> serviceCpu(List<Throughput[]> rounds) {
        Map<ServiceThreads.Kind, Rounds> byKind = new EnumMap<>(ServiceThreads.Kind.class);
        for (ServiceThreads.Kind kind : ServiceThreads.Kind.values()) {
            byKind.put(kind, Rounds.of(rounds, figures -> figures.serviceCpuMicros(kind)));
        }
        return byKind;
    }

    /** One round: both subjects over the whole input, the detector first if asked; {passthrough, detector}. */
    private Throughput[] measureRound(
            ThroughputRun throughput, BenchSubject detector, String round, boolean detectorFirst) throws Exception {
        Throughput[] figures = new Throughput[2];
        for (int turn = 0; turn < 2; turn++) {
            boolean detectorTurn = (turn == 0) == detectorFirst;
            BenchSubject subject = detectorTurn ? detector : BenchSubject.passThrough();
            String runId = round + "-" + (detectorTurn ? "detector" : "passthrough");
            figures[detectorTurn ? 1 : 0] = throughput.measure(
                    subject, INPUT, options.records(), options.skippedRecords(), runId, options.timeout());
        }
        return figures;
    }

    private void produceInput(EmbeddedKafka kafka, BenchClients clients, BenchReadings readings) throws Exception {
        kafka.createTopic(INPUT, options.partitions());
        long start = System.currentTimeMillis() - options.records() * 1000L;
        List<byte[]> values = readings.encodedBatch(options.records(), start);
        var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
        try (KafkaProducer<String, byte[]> producer = clients.producer(20)) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(INPUT, readings.entityOf(i), values.get(i)), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(
                    "could not write the benchmark input to the broker: " + failure.get(), failure.get());
        }
        LOG.info("pre-produced {} readings to {}", values.size(), INPUT);
    }
}
