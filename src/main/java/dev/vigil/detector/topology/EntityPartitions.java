package dev.vigil.detector.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition Kafka's Java producer picks for a record keyed by an entity (its default
 * partitioner: murmur2 of the UTF-8 key bytes), the partition whose task holds that entity's state.
 */
public final class EntityPartitions {
    private EntityPartitions() {}

    /** The murmur2 partition of {@code entity} among {@code partitions}. */
    public static int of(String entity, int partitions) {
        return Utils.toPositive(Utils.murmur2(entity.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
