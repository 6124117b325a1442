package dev.vigil.bench;

import dev.vigil.ops.EmbeddedKafka;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end latency at paced rates: a producer sends readings on an open-loop schedule, stamping
 * each with its send time; latency is the time a read_committed consumer sees the subject's output
 * minus that send time. Uses the {@value #SENT_HEADER} header when the subject forwards headers,
 * else the record timestamp (millisecond resolution).
 *
 * <p>Two shapes: {@link #steady} warms one instance up, then measures it at each load in turn;
 * {@link #coldStart} starts a fresh instance while input already flows.
 */
final class LatencyRun {
    static final String SENT_HEADER = "vigil.bench.sent.nanos";
    private static final Logger LOG = LoggerFactory.getLogger(LatencyRun.class);
    private static final Duration READ_SLACK = Duration.ofSeconds(60);

    private final EmbeddedKafka kafka;
    private final BenchClients clients;
    private final BenchReadings readings;
    private final int partitions;

    LatencyRun(EmbeddedKafka kafka, BenchClients clients, BenchReadings readings, int partitions) {
        this.kafka = kafka;
        this.clients = clients;
        this.readings = readings;
        this.partitions = partitions;
    }

    /**
     * Starts one instance of {@code subject}, sends untimed readings at the highest of {@code loads}
     * for {@code each}, then measures each load (a share of {@code maxRate}) for {@code each}.
     */
    List<LoadLatency> steady(BenchSubject subject, double maxRate, List<Double> loads, Duration each) throws Exception {
        String runId = "steady";
        createTopics(subject, runId);
        List<LoadLatency> figures = new ArrayList<>();
        try (OutputReader reader = new OutputReader(clients, output(runId));
                StreamsApp app = StreamsApp.start(subject.build(input(runId), output(runId)), streams(runId))) {
            app.awaitRunning(Duration.ofSeconds(60));
            double warmupRate = maxRate
                    * loads.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            long sent = pace(reader, runId, warmupRate, 0, count(warmupRate, each), record -> {});
            for (double load : loads) {
                LatencyRecorder recorder = new LatencyRecorder();
                long count = count(maxRate * load, each);
                pace(reader, runId, maxRate * load, sent, count, r -> recorder.recordNanos(latencyNanos(r)));
                sent += count;
                figures.add(LoadLatency.of(load, maxRate * load, recorder));
                LOG.info("{} warm: {}", subject.name(), figures.get(figures.size() - 1));
            }
        }
        return figures;
    }

    /**
     * Starts a fresh instance of {@code subject} while readings arrive at {@code rate} for {@code
     * duration} from the same moment; the drain time is measured against {@code boundMs}.
     */
    ColdStart coldStart(BenchSubject subject, double rate, Duration duration, double boundMs) throws Exception {
        String runId = "cold";
        createTopics(subject, runId);
        long count = count(rate, duration);
        List<ColdStart.Sample> samples = new ArrayList<>();
        long[] firstArrival = {-1};
        long start;
        try (OutputReader reader = new OutputReader(clients, output(runId))) {
            start = System.nanoTime();
            try (StreamsApp app = StreamsApp.start(subject.build(input(runId), output(runId)), streams(runId))) {
                pace(reader, runId, rate, 0, count, record -> {
                    long now = System.nanoTime();
                    long latency = latencyNanos(record);
                    firstArrival[0] = firstArrival[0] < 0 ? now : firstArrival[0];
                    samples.add(new ColdStart.Sample(now - latency - start, latency));
                });
            }
        }
        double drained = ColdStart.drainedMillis(samples, (long) (boundMs * 1e6));
        ColdStart cold = new ColdStart(rate, (firstArrival[0] - start) / 1e6, drained, boundMs, samples.size());
        LOG.info("{} from cold at {}/s: {}", subject.name(), Math.round(rate), cold);
        return cold;
    }

    private void createTopics(BenchSubject subject, String runId) throws Exception {
        kafka.createTopic(input(runId), partitions);
        kafka.createTopic(output(runId), partitions);
        for (String topic : subject.extraTopics(output(runId))) {
            kafka.createTopic(topic, partitions);
        }
    }

    /** Sends readings {@code from .. from+count} at {@code rate}/s and reads their outputs; returns count. */
    private long pace(
            OutputReader reader,
            String runId,
            double rate,
            long from,
            long count,
            Consumer<ConsumerRecord<byte[], byte[]>> onOutput) {
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> sendPaced(input(runId), rate, from, count));
        long read = reader.read(count, READ_SLACK.plusMillis((long) (1000 * count / rate)), onOutput);
        sending.join();
        if (read < count) {
            throw new IllegalStateException("wrote " + read + " of " + count + " paced records at " + rate + "/s");
        }
        return count;
    }

    private void sendPaced(String input, double rate, long from, long count) {
        Pacer pacer = Pacer.startingNow(rate);
        try (KafkaProducer<String, byte[]> producer = clients.producer(0)) {
            for (long i = 0; i < count; i++) {
                pacer.awaitTurn(i);
                long nowMs = System.currentTimeMillis();
                long index = from + i;
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                        input, null, nowMs, readings.entityOf(index), readings.encoded(index, nowMs));
                record.headers()
                        .add(
                                SENT_HEADER,
                                ByteBuffer.allocate(Long.BYTES)
                                        .putLong(System.nanoTime())
                                        .array());
                producer.send(record);
            }
            producer.flush();
        }
    }

    private java.util.Properties streams(String runId) throws java.io.IOException {
        return clients.streams("bench-latency-" + runId);
    }

    private static long count(double rate, Duration duration) {
        return Math.max(100, (long) (rate * duration.toMillis() / 1000.0));
    }

    private static String input(String runId) {
        return "bench.latency." + runId + ".in";
    }

    private static String output(String runId) {
        return "bench.latency." + runId + ".out";
    }

    private static long latencyNanos(ConsumerRecord<byte[], byte[]> record) {
        Header sent = record.headers().lastHeader(SENT_HEADER);
        if (sent != null) {
            return System.nanoTime() - ByteBuffer.wrap(sent.value()).getLong();
        }
        return (System.currentTimeMillis() - record.timestamp()) * 1_000_000L;
    }
}
