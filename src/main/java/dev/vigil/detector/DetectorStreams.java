package dev.vigil.detector;

import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.topology.DeadLetterOnProcessingError;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams properties of the detector: its own keys, settings chosen for low alert latency,
 * then every {@code kafka.*} override (which win).
 */
public final class DetectorStreams {
    private DetectorStreams() {}

    /** Properties for {@code new KafkaStreams(topology, properties)} or a TopologyTestDriver. */
    public static Properties properties(DetectorConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(DetectorConfig.APPLICATION_ID));
        props.put(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", config.list(DetectorConfig.BOOTSTRAP_SERVERS)));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.getString(DetectorConfig.PROCESSING_GUARANTEE));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getLong(DetectorConfig.COMMIT_INTERVAL_MS));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(DetectorConfig.NUM_STREAM_THREADS));
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(DetectorConfig.STATE_DIR));
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnProcessingError.class.getName());
        props.put(DeadLetterOnProcessingError.DLQ_TOPIC_CONFIG, config.getString(DetectorConfig.DLQ_TOPIC));
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.putAll(config.kafkaOverrides());
        return props;
    }
}
