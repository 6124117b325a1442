package dev.vigil.detector.topology;

import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.ingest.IngestedReading;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that each reading arrived on its entity's partition ({@link EntityPartitions}) among the
 * input topic's {@code partitions}: one that did not is misrouted (its entity's state is split
 * between tasks), is counted through {@link DetectorEvents#misrouted} and warned about once per
 * entity. Every reading is forwarded unchanged.
 */
final class PartitionCheckProcessor implements Processor<String, IngestedReading, String, IngestedReading> {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionCheckProcessor.class);

    private final int partitions;
    private final WarnedEntities warned;
    private final DetectorEvents events;
    private ProcessorContext<String, IngestedReading> context;

    PartitionCheckProcessor(int partitions, WarnedEntities warned, DetectorEvents events) {
        this.partitions = partitions;
        this.warned = warned;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, IngestedReading> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, IngestedReading> record) {
        int arrived = context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
        if (arrived >= 0) {
            check(record.key(), arrived);
        }
        context.forward(record);
    }

    private void check(String entity, int arrived) {
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
