package dev.vigil.bench;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/** A started Kafka Streams application that is closed, with a bounded wait, when the run ends. */
final class StreamsApp implements AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;

    private StreamsApp(KafkaStreams streams) {
        this.streams = streams;
    }

    static StreamsApp start(Topology topology, Properties props) {
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.start();
        return new StreamsApp(streams);
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
