package dev.vigil.detector.topology;

import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.features.EntityWindow;
import dev.vigil.detector.features.EventTimeRule;
import dev.vigil.detector.features.FeatureExtractor;
import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.ingest.DeadLetters;
import dev.vigil.detector.ingest.IngestedReading;
import dev.vigil.detector.ingest.RejectedException;
import dev.vigil.detector.ingest.Rejection;
import dev.vigil.detector.state.WriteBackStore;
import dev.vigil.detector.state.WriteBackStores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Stage 2 inside a group's node ({@link GroupStages}): keeps each entity's window in {@code
 * windowStore} (a {@link WriteBackStore} built with {@link EntityWindow#codec}), one read and one
 * write per reading; readings whose event time its {@link EventTimeRule} refuses, or that it cannot
 * complete, go to {@code deadLetters}.
 */
final class FeaturesStep {
    private final FeatureLayout layout;
    private final FeatureExtractor extractor;
    private final String windowStore;
    private final String deadLetters;
    private final DetectorEvents events;
    private final EventTimeRule timeRule;
    private ProcessorContext<String, Object> context;
    private WriteBackStore<String, EntityWindow> windows;

    /**
     * @param timeRule judges each reading's event time against its entity's clock (OUT_OF_ORDER,
     *     TIMESTAMP_JUMP); the clock is kept in the window
     */
    FeaturesStep(
            FeatureLayout layout,
            FeatureExtractor extractor,
            String windowStore,
            String deadLetters,
            DetectorEvents events,
            EventTimeRule timeRule) {
        this.layout = layout;
        this.extractor = extractor;
        this.windowStore = windowStore;
        this.deadLetters = deadLetters;
        this.events = events;
        this.timeRule = timeRule;
    }

    /** The window store this step needs, named {@code name}, caching up to {@code entities} windows per task. */
    static StoreBuilder<?> windowStore(String name, FeatureLayout layout, int entities) {
        return WriteBackStores.persistent(name, Serdes.String(), EntityWindow.codec(layout), entities);
    }

    void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.windows = context.getStateStore(windowStore);
    }

    /**
     * Pushes the reading into its entity's window and returns the window (full or still filling), or
     * null when the reading was dead-lettered.
     */
    EntityWindow push(Record<String, IngestedReading> record) {
        EntityWindow window = windows.get(record.key());
        if (window == null) {
            window = EntityWindow.empty(layout);
        }
        var admission = timeRule.admit(window.clock(), record.value().reading().timeMs());
        if (admission.accepted()) {
            try {
                window.push(extractor.row(record.value().reading().value(), window));
            } catch (RejectedException e) {
                deadLetter(record, e.rejection());
                return null;
            }
        }
        window.setClock(admission.clock());
        windows.put(record.key(), window);
        if (!admission.accepted()) {
            deadLetter(record, admission.refusal());
            return null;
        }
        return window;
    }

    private void deadLetter(Record<String, IngestedReading> record, Rejection rejection) {
        events.deadLettered(rejection.reason());
        var letter = DeadLetters.of(rejection, record.value().provenance(), context.currentSystemTimeMs());
        context.forward(record.withValue(letter), deadLetters);
    }
}
