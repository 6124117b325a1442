package dev.vigil.ops.simulator;

import dev.vigil.contract.avro.SensorReading;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link Simulator}'s readings to a Kafka topic, keyed by entity, at a target rate of records
 * per second (wall clock). Simulated time runs at whatever speed that rate implies: with one reading
 * per pump per simulated minute, 10 pumps at 1,000 records/s cover 100 simulated minutes per second.
 * Kafka record timestamps are wall-clock (the broker rejects timestamps far in the future); the
 * reading's own {@code timestamp} carries simulated time.
 */
public final class SimulatorProducer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorProducer.class);

    private final Simulator simulator;
    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final ReadingFormat format;
    private final double recordsPerSecond;
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean stopped;

    public SimulatorProducer(
            Simulator simulator, String bootstrapServers, String topic, ReadingFormat format, double recordsPerSecond) {
        if (!(recordsPerSecond > 0)) {
            throw new IllegalArgumentException("simulator rate must be > 0 records/s, was " + recordsPerSecond);
        }
        this.simulator = simulator;
        this.topic = topic;
        this.format = format;
        this.recordsPerSecond = recordsPerSecond;
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "vigil-simulator"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /**
     * Sends readings until {@code duration} of wall-clock time has passed or {@link #stop()} is called,
     * then flushes. Blocks the calling thread.
     */
    public void run(Duration duration) throws InterruptedException {
        long startNanos = System.nanoTime();
        long endNanos = startNanos + duration.toNanos();
        long sentBefore = sent.get();
        LOG.info(
                "Simulating {} pumps to {} at {} records/s",
                simulator.entities().size(),
                topic,
                recordsPerSecond);
        while (!stopped && System.nanoTime() < endNanos) {
            simulator.tick().forEach(this::send);
            pace(startNanos, sent.get() - sentBefore);
        }
        producer.flush();
        LOG.info("Simulator sent {} readings", sent.get());
    }

    /** Asks {@link #run} to return after the current tick; callable from any thread. */
    public void stop() {
        stopped = true;
    }

    /** Readings sent so far. */
    public long sent() {
        return sent.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private void send(SensorReading reading) {
        byte[] key = reading.getEntity().getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, key, format.encode(reading)), (metadata, error) -> {
            if (error != null) {
                LOG.warn("Sending a reading of {} failed: {}", reading.getEntity(), error.toString());
            }
        });
        sent.incrementAndGet();
    }

    /** Sends {@code ticks} ticks as fast as possible, e.g. the clean history a first model trains on. */
    public void burst(int ticks) {
        for (int i = 0; i < ticks && !stopped; i++) {
            simulator.tick().forEach(this::send);
        }
        producer.flush();
    }

    private void pace(long startNanos, long sentSinceStart) throws InterruptedException {
        long dueNanos = startNanos + (long) (sentSinceStart / recordsPerSecond * 1e9);
        long aheadNanos = dueNanos - System.nanoTime();
        if (aheadNanos > 0) {
            Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
        }
    }
}
