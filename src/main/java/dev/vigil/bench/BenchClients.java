package dev.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;

/** Client settings shared by every benchmark run, so both subjects see the same configuration. */
final class BenchClients {
    /** The processing guarantee every subject runs under. */
    static final String GUARANTEE = StreamsConfig.EXACTLY_ONCE_V2;

    private final String bootstrapServers;
    private final Map<String, String> streamsSettings;

    BenchClients(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /** Clients whose Streams applications also get {@code streamsSettings}. */
    BenchClients(String bootstrapServers, Map<String, String> streamsSettings) {
        this.bootstrapServers = bootstrapServers;
        this.streamsSettings = Map.copyOf(streamsSettings);
    }

    /**
     * The harness's own producer of input readings. One request in flight per connection: under
     * CPU starvation on a small machine, retried batches of an idempotent producer with several in
     * flight were seen to be refused by the broker (OutOfOrderSequenceException) and lost.
     */
    KafkaProducer<String, byte[]> producer(int lingerMs) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** A read_committed consumer without a group: the caller assigns partitions. */
    KafkaConsumer<byte[], byte[]> committedReader() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Streams settings: exactly_once_v2, one thread, a fresh state directory, input from the start,
     * then the run's extra settings.
     */
    Properties streams(String applicationId) throws java.io.IOException {
        Path stateDir = Files.createTempDirectory("vigil-bench-state-");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, GUARANTEE);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.putAll(streamsSettings);
        return props;
    }
}
