package dev.vigil.bench;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started Kafka Streams application that is closed, with a bounded wait, when the run ends. */
final class StreamsApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final AtomicLong threadFailures = new AtomicLong();

    private StreamsApp(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Starts {@code topology}; a failed stream thread is counted, logged and replaced. */
    static StreamsApp start(Topology topology, Properties props) {
        StreamsApp app = new StreamsApp(new KafkaStreams(topology, props));
        app.streams.setUncaughtExceptionHandler(e -> {
            app.threadFailures.incrementAndGet();
            LOG.error("stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        app.streams.start();
        return app;
    }

    /** Input records its stream threads have processed so far (Kafka Streams' {@code process-total}). */
    long processedRecords() {
        return streams.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().group().equals("stream-thread-metrics"))
                .filter(metric -> metric.getKey().name().equals("process-total"))
                .mapToLong(metric -> ((Number) metric.getValue().metricValue()).longValue())
                .sum();
    }

    /** Stream-thread failures so far. */
    long threadFailures() {
        return threadFailures.get();
    }

    /** Waits until the application has partitions assigned and is processing. */
    void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
                throw new IllegalStateException("streams application did not reach RUNNING: " + streams.state());
            }
            Thread.sleep(20);
        }
    }

    /** Whether the application failed or stopped. */
    boolean failed() {
        return !streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED;
    }

    @Override
    public void close() {
        streams.close(CLOSE_TIMEOUT);
        streams.cleanUp();
    }
}
