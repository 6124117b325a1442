package dev.vigil.detector.topology;

import dev.vigil.detector.features.EntityWindow;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.ingest.IngestedReading;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Stages 2 to 4 of one model group in one processor node: a valid reading goes into its entity's
 * window ({@link FeaturesStep}); a full window joins the scoring batch ({@link ScoringBatch}), whose
 * results are decided on ({@link DecisionStep}) and forwarded to the sinks; a reading whose window is
 * still filling goes out as warming up. Plain method calls between the stages, so a record costs one
 * forward (to a sink) and no hop between processor nodes.
 */
final class GroupStages implements ValidReadings {
    private final FeaturesStep features;
    private final ScoringBatch scoring;
    private final DecisionStep decision;

    GroupStages(FeaturesStep features, ScoringBatch scoring, DecisionStep decision) {
        this.features = features;
        this.scoring = scoring;
        this.decision = decision;
    }

    /** Binds every stage to the node's context and stores; restores a pending batch. */
    @Override
    public void init(ProcessorContext<String, Object> context) {
        features.init(context);
        decision.init(context);
        scoring.init(context);
    }

    @Override
    public void accept(Record<String, IngestedReading> record) {
        EntityWindow window = features.push(record);
        if (window == null) {
            return;
        }
        var reading = record.value().reading();
        if (window.isFull()) {
            scoring.add(record.key(), new FeatureVector(reading, window.flatten()), record.timestamp());
        } else {
            decision.warmingUp(record.key(), record.timestamp(), reading);
        }
    }

    @Override
    public void close() {
        scoring.close();
    }
}
