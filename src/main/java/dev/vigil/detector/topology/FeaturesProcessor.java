package dev.vigil.detector.topology;

import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.features.EntityWindow;
import dev.vigil.detector.features.EventTimeRule;
import dev.vigil.detector.features.FeatureExtractor;
import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.features.WarmingUp;
import dev.vigil.detector.ingest.DeadLetters;
import dev.vigil.detector.ingest.IngestedReading;
import dev.vigil.detector.ingest.RejectedException;
import dev.vigil.detector.ingest.Rejection;
import dev.vigil.detector.state.WriteBackStore;
import dev.vigil.detector.state.WriteBackStores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Stage 2 processor: keeps each entity's window in {@code windowStore} (a {@link WriteBackStore}
 * built with {@link EntityWindow#codec}); forwards full windows as
 * {@link FeatureVector} to {@code scoring}, others as {@link WarmingUp} to {@code warmingUp}, and
 * readings whose event time its {@link EventTimeRule} refuses, or that it cannot complete, to
 * {@code deadLetters}.
 */
public final class FeaturesProcessor implements Processor<String, IngestedReading, String, Object> {
    private final FeatureLayout layout;
    private final FeatureExtractor extractor;
    private final String windowStore;
    private final Targets targets;
    private final DetectorEvents events;
    private final EventTimeRule timeRule;
    private ProcessorContext<String, Object> context;
    private WriteBackStore<String, EntityWindow> windows;

    /** Names of the child nodes this processor forwards to. */
    public record Targets(String scoring, String warmingUp, String deadLetters) {}

    /**
     * @param timeRule judges each reading's event time against its entity's clock (OUT_OF_ORDER,
     *     TIMESTAMP_JUMP); the clock is kept in the window
     */
    public FeaturesProcessor(
            FeatureLayout layout,
            FeatureExtractor extractor,
            String windowStore,
            Targets targets,
            DetectorEvents events,
            EventTimeRule timeRule) {
        this.layout = layout;
        this.extractor = extractor;
        this.windowStore = windowStore;
        this.targets = targets;
        this.events = events;
        this.timeRule = timeRule;
    }

    /** The window store this processor needs, named {@code name}, caching up to {@code entities} windows per task. */
    public static StoreBuilder<?> windowStore(String name, FeatureLayout layout, int entities) {
        return WriteBackStores.persistent(name, Serdes.String(), EntityWindow.codec(layout), entities);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.windows = context.getStateStore(windowStore);
    }

    @Override
    public void process(Record<String, IngestedReading> record) {
        EntityWindow window = windows.get(record.key());
        if (window == null) {
            window = EntityWindow.empty(layout);
        }
        var admission = timeRule.admit(window.clock(), record.value().reading().timeMs());
        if (!admission.accepted()) {
            window.setClock(admission.clock());
            windows.put(record.key(), window);
            deadLetter(record, admission.refusal());
            return;
        }
        try {
            window.push(extractor.row(record.value().reading().value(), window));
        } catch (RejectedException e) {
            deadLetter(record, e.rejection());
            return;
        }
        window.setClock(admission.clock());
        windows.put(record.key(), window);
        forward(record, window);
    }

    private void deadLetter(Record<String, IngestedReading> record, Rejection rejection) {
        events.deadLettered(rejection.reason());
        var letter = DeadLetters.of(rejection, record.value().provenance(), context.currentSystemTimeMs());
        context.forward(record.withValue(letter), targets.deadLetters());
    }

    private void forward(Record<String, IngestedReading> record, EntityWindow window) {
        var reading = record.value().reading();
        if (window.isFull()) {
            context.forward(record.withValue(new FeatureVector(reading, window.flatten())), targets.scoring());
        } else {
            context.forward(record.withValue(new DecisionInput.Warming(new WarmingUp(reading))), targets.warmingUp());
        }
    }
}
