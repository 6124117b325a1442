package dev.vigil.detector.topology;

import dev.vigil.detector.ingest.IngestedReading;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Where a processor hands the valid readings it accepts: a child node ({@link #forwardTo}), or a
 * group's stages run inside the same node ({@link GroupStages}).
 */
interface ValidReadings {
    /** Binds to the node's context (and stores). */
    void init(ProcessorContext<String, Object> context);

    /** Takes one valid reading, keyed by its entity. */
    void accept(Record<String, IngestedReading> record);

    /** Releases what {@link #init} took. */
    default void close() {}

    /** Forwards each reading to the child node {@code node}. */
    static ValidReadings forwardTo(String node) {
        return new ValidReadings() {
            private ProcessorContext<String, Object> context;

            @Override
            public void init(ProcessorContext<String, Object> context) {
                this.context = context;
            }

            @Override
            public void accept(Record<String, IngestedReading> record) {
                context.forward(record, node);
            }
        };
    }
}
