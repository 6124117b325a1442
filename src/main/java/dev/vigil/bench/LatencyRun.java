package dev.vigil.bench;

import dev.vigil.ops.EmbeddedKafka;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end latency at a paced rate: a producer sends readings on an open-loop schedule, stamping
 * each with its send time; latency is the time a read_committed consumer sees the subject's output
 * minus that send time. Uses the {@value #SENT_HEADER} header when the subject forwards headers,
 * else the record timestamp (millisecond resolution).
 */
final class LatencyRun {
    static final String SENT_HEADER = "vigil.bench.sent.nanos";
    private static final Logger LOG = LoggerFactory.getLogger(LatencyRun.class);

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

    /** Sends {@code warmup + measured} readings at {@code rate}/s and records the last {@code measured}. */
    LatencyRecorder measure(BenchSubject subject, double rate, int warmup, int measured, String runId)
            throws Exception {
        String input = "bench." + runId + ".in", output = "bench." + runId + ".out";
        kafka.createTopic(input, partitions);
        kafka.createTopic(output, partitions);
        for (String topic : subject.extraTopics(output)) {
            kafka.createTopic(topic, partitions);
        }
        LatencyRecorder recorder = new LatencyRecorder();
        int total = warmup + measured;
        try (OutputReader reader = new OutputReader(clients, output);
                StreamsApp app = StreamsApp.start(subject.build(input, output), clients.streams("bench-" + runId))) {
            app.awaitRunning(Duration.ofSeconds(60));
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> sendPaced(input, rate, total));
            long[] seen = {0};
            long read = reader.read(total, Duration.ofSeconds(60).plusMillis((long) (1000 * total / rate)), r -> {
                if (seen[0]++ >= warmup) {
                    recorder.recordNanos(latencyNanos(r));
                }
            });
            sending.join();
            if (read < total) {
                throw new IllegalStateException(subject.name() + " wrote " + read + " of " + total + " paced records");
            }
        }
        LOG.info(
                "{} at {}/s: p50 {} ms, p99 {} ms over {} records",
                subject.name(),
                Math.round(rate),
                recorder.percentileMillis(50),
                recorder.percentileMillis(99),
                recorder.count());
        return recorder;
    }

    private void sendPaced(String input, double rate, int total) {
        Pacer pacer = Pacer.startingNow(rate);
        try (KafkaProducer<String, byte[]> producer = clients.producer(0)) {
            for (int i = 0; i < total; i++) {
                pacer.awaitTurn(i);
                long nowMs = System.currentTimeMillis();
                ProducerRecord<String, byte[]> record =
                        new ProducerRecord<>(input, null, nowMs, readings.entityOf(i), readings.encoded(i, nowMs));
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

    private static long latencyNanos(ConsumerRecord<byte[], byte[]> record) {
        Header sent = record.headers().lastHeader(SENT_HEADER);
        if (sent != null) {
            return System.nanoTime() - ByteBuffer.wrap(sent.value()).getLong();
        }
        return (System.currentTimeMillis() - record.timestamp()) * 1_000_000L;
    }
}
