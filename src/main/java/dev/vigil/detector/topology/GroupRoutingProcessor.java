package dev.vigil.detector.topology;

import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.events.RejectReason;
import dev.vigil.detector.ingest.DeadLetters;
import dev.vigil.detector.ingest.GroupRouter;
import dev.vigil.detector.ingest.IngestedReading;
import dev.vigil.detector.ingest.Rejection;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends each valid reading to the features node of its model group ({@link GroupRouter}), or to
 * {@code deadLetters} as {@link RejectReason#NO_MODEL_GROUP}, with its provenance, when it has none.
 */
final class GroupRoutingProcessor implements Processor<String, IngestedReading, String, Object> {
    private final GroupRouter router;
    private final Map<String, String> featuresOfGroup;
    private final String deadLetters;
    private final DetectorEvents events;
    private ProcessorContext<String, Object> context;

    /** {@code featuresOfGroup} maps each group of the router to the features node it forwards to. */
    GroupRoutingProcessor(
            GroupRouter router, Map<String, String> featuresOfGroup, String deadLetters, DetectorEvents events) {
        this.router = router;
        this.featuresOfGroup = Map.copyOf(featuresOfGroup);
        this.deadLetters = deadLetters;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, IngestedReading> record) {
        var reading = record.value().reading().value();
        Optional<String> group = router.groupOf(reading);
        if (group.isPresent()) {
            context.forward(record, featuresOfGroup.get(group.get()));
            return;
        }
        events.deadLettered(RejectReason.NO_MODEL_GROUP);
        var rejection = Rejection.of(RejectReason.NO_MODEL_GROUP, router.noGroupMessage(reading));
        var letter = DeadLetters.of(rejection, record.value().provenance(), context.currentSystemTimeMs());
        context.forward(record.withValue(letter), deadLetters);
    }
}
