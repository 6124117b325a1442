package dev.vigil.detector.topology;

import dev.vigil.detector.events.DetectorEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a reading arrived on its entity's partition ({@link EntityPartitions}) among the input
 * topic's {@code partitions}: one that did not is misrouted (its entity's state is split between
 * tasks), is counted through {@link DetectorEvents#misrouted} and warned about once per entity. Run
 * by the ingest processor on each valid reading, so the check adds no node to the topology.
 */
final class PartitionCheck {
    /** No check: the partition count is unknown, the input has one partition, or readings are repartitioned. */
    static final PartitionCheck NONE = new PartitionCheck(0, null, DetectorEvents.NOOP);

    private static final Logger LOG = LoggerFactory.getLogger(PartitionCheck.class);

    private final int partitions;
    private final WarnedEntities warned;
    private final DetectorEvents events;

    PartitionCheck(int partitions, WarnedEntities warned, DetectorEvents events) {
        this.partitions = partitions;
        this.warned = warned;
        this.events = events;
    }

    /** Checks {@code entity}, which arrived on partition {@code arrived} (negative: unknown, not checked). */
    void check(String entity, int arrived) {
        if (partitions == 0 || arrived < 0) {
            return;
        }
        int expected = EntityPartitions.of(entity, partitions);
        if (expected == arrived) {
            return;
        }
        events.misrouted();
        if (warned.firstTime(entity)) {
            LOG.warn(
                    "Entity {} arrived on partition {} of {}, but a Java producer keyed by entity sends it to"
                            + " partition {}: its window, threshold and alerts are split between tasks. Key"
                            + " readings by entity with the murmur2 partitioner (librdkafka:"
                            + " partitioner=murmur2_random) or set input.repartition=always. Logged once per entity.",
                    entity,
                    arrived,
                    partitions,
                    expected);
        }
    }
}
