package dev.vigil.detector.topology;

import dev.vigil.detector.features.WarmingUp;
import dev.vigil.detector.scoring.Scored;
import org.apache.kafka.streams.processor.api.Record;

/**
 * What reaches the decision processor: a scored window from the scoring stage, or a reading whose
 * window is still filling, straight from the features stage. Each case hands itself to the matching
 * {@link Handler} method, so a new case cannot be added without every handler deciding what to do.
 */
sealed interface DecisionInput {
    /** Calls the handler method for this case, with {@code record}, the record that carried it. */
    void handle(Handler handler, Record<String, DecisionInput> record);

    /** One method per case. */
    interface Handler {
        void scored(Record<String, DecisionInput> record, Scored scored);

        void warmingUp(Record<String, DecisionInput> record, WarmingUp warming);
    }

    /** A window the model scored. */
    record Window(Scored scored) implements DecisionInput {
        @Override
        public void handle(Handler handler, Record<String, DecisionInput> record) {
            handler.scored(record, scored);
        }
    }

    /** A reading that arrived before its entity's window was full. */
    record Warming(WarmingUp warming) implements DecisionInput {
        @Override
        public void handle(Handler handler, Record<String, DecisionInput> record) {
            handler.warmingUp(record, warming);
        }
    }
}
