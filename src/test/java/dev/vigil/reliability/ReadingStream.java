package dev.vigil.reliability;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.testkit.SyntheticSensors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Streams {@code total} Avro readings with unique ids ({@code r-000000}, …) over {@value #ENTITIES}
 * entities at a steady rate from a background thread, through an idempotent producer (so the input
 * itself holds each id once, even across broker restarts). Entity {@code e-3} turns anomalous for
 * {@value #EPISODE} steps in every {@value #PERIOD}, so alerts open and close during a run.
 */
final class ReadingStream implements AutoCloseable {
    static final int ENTITIES = 8;
    static final int PERIOD = 120;
    static final int EPISODE = 6;

    private static final AvroCodec<SensorReading> CODEC = AvroCodec.of(SensorReading.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final int total;
    private final int perSecond;
    private final SplittableRandom noise;
    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;

    ReadingStream(String bootstrapServers, String topic, int total, int perSecond, long seed) {
        this.producer = new KafkaProducer<>(producerConfig(bootstrapServers));
        this.topic = topic;
        this.total = total;
        this.perSecond = perSecond;
        this.noise = new SplittableRandom(seed);
        this.thread = new Thread(this::produceAll, "reading-stream");
        this.thread.setDaemon(true);
    }

    private static Map<String, Object> producerConfig(String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                120_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                120_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
    }

    /** The id of the {@code seq}-th reading. */
    static String id(int seq) {
        return String.format("r-%06d", seq);
    }

    /** Whether the {@code seq}-th reading is an injected anomaly. */
    static boolean anomalous(int seq) {
        return seq % ENTITIES == 3
                && (seq / ENTITIES) % PERIOD >= PERIOD / 2
                && (seq / ENTITIES) % PERIOD < PERIOD / 2 + EPISODE;
    }

    ReadingStream start() {
        thread.start();
        return this;
    }

    private void produceAll() {
        long startNanos = System.nanoTime();
        try {
            for (int seq = 0; seq < total && failure.get() == null; seq++) {
                pace(startNanos, seq);
                send(seq);
            }
            producer.flush();
        } catch (RuntimeException | InterruptedException e) {
            failure.compareAndSet(null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
        } finally {
            done.countDown();
        }
    }

    private void pace(long startNanos, int seq) throws InterruptedException {
        long due = startNanos + seq * 1_000_000_000L / perSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private void send(int seq) {
        String entity = "e-" + (seq % ENTITIES);
        double[] row = SyntheticSensors.signalRow(seq % ENTITIES, seq / ENTITIES, anomalous(seq), noise);
        String id = id(seq);
        byte[] value = CODEC.encode(SyntheticSensors.reading(id, entity, System.currentTimeMillis(), row));
        var record = new ProducerRecord<>(topic, entity.getBytes(StandardCharsets.UTF_8), value);
        producer.send(record, (meta, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            } else {
                acked.add(id);
            }
        });
        sent.incrementAndGet();
    }

    /** Waits until every reading was sent and acknowledged; throws the first send failure. */
    void awaitDone(Duration timeout) throws Exception {
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("producer still running after " + timeout + ": " + sent.get() + " sent");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Readings handed to the producer so far. */
    int sent() {
        return sent.get();
    }

    /** Ids the broker acknowledged. */
    Set<String> ackedIds() {
        return Set.copyOf(acked);
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(5_000);
        producer.close(Duration.ofSeconds(5));
    }
}
