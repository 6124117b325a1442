package dev.vigil.detector.topology;

import dev.vigil.detector.ingest.IngestedReading;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The node of one group's stages ({@link GroupStages}) where valid readings arrive from another node:
 * the repartition topic's source, or the group router.
 */
final class GroupStagesProcessor implements Processor<String, IngestedReading, String, Object> {
    private final GroupStages stages;

    GroupStagesProcessor(GroupStages stages) {
        this.stages = stages;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        stages.init(context);
    }

    @Override
    public void process(Record<String, IngestedReading> record) {
        stages.accept(record);
    }

    @Override
    public void close() {
        stages.close();
    }
}
