package dev.vigil.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.Topology;

/**
 * A Kafka Streams application under measurement: builds its topology for the topics the harness
 * chose. It must read SensorReading bytes from {@code input} and write one record per reading to
 * {@code output}.
 */
public interface BenchSubject {
    /** A short name for logs and reports. */
    String name();

    /** The topology reading {@code input} and writing one record per reading to {@code output}. */
    Topology build(String input, String output);

    /** Further topics the topology writes to (alerts, dead letters), created before it starts. */
    default List<String> extraTopics(String output) {
        return List.of();
    }

    /** The topic where the subject puts records it could not process, if it has one. */
    default Optional<String> deadLetterTopic(String output) {
        return Optional.empty();
    }

    /** The subject's own settings that shape what it does per record, for the report. */
    default Map<String, String> settings() {
        return Map.of();
    }

    /** The pass-through baseline. */
    static BenchSubject passThrough() {
        return passThrough(0);
    }

    /** A pass-through whose output values are {@code paddingBytes} longer (see {@link PassThroughTopology}). */
    static BenchSubject passThrough(int paddingBytes) {
        return new BenchSubject() {
            @Override
            public String name() {
                return paddingBytes == 0 ? "pass-through" : "pass-through+" + paddingBytes + "B";
            }

            @Override
            public Topology build(String input, String output) {
                return PassThroughTopology.build(input, output, paddingBytes);
            }
        };
    }
}
