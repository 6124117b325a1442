package dev.vigil.detector.topology;

import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.events.RejectReason;
import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.ingest.DeadLetters;
import dev.vigil.detector.ingest.Provenance;
import dev.vigil.detector.ingest.Rejection;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.scoring.Scored;
import dev.vigil.detector.scoring.ScoringEngine;
import dev.vigil.detector.scoring.ScoringEngine.Outcome;
import dev.vigil.detector.state.WriteBackStore;
import dev.vigil.detector.state.WriteBackStores;
import dev.vigil.detector.topology.PendingCodec.Pending;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Stage 3 inside a group's node ({@link GroupStages}): batches ONNX Runtime calls ({@link
 * ScoringEngine}) without losing or duplicating records. The pending batch is one entry of a
 * changelogged {@link WriteBackStore}, so the records still pending at a commit are committed
 * atomically with the input offsets (encoded once per commit, as one value; an empty batch is a
 * tombstone). A full batch is scored and forwarded, and a partial one on a wall-clock punctuation;
 * after a restart the restored batch is scored first.
 *
 * <p>With {@link Settings#background()}, a full batch is scored on a background thread while this
 * one fills the next: its records stay in the committed batch until their results are forwarded (as
 * soon as the stream thread sees them ready, at the latest when the next batch is full or at the
 * punctuation), so a crash at any point re-scores them from the changelog. Records, stores and
 * forwarding stay on the stream thread. Scored records go to the {@link Results} in batch order,
 * with the key and timestamp of the record that brought them.
 */
final class ScoringBatch {
    /** The key of the pending batch in the buffer store. */
    static final int BATCH = -1;

    private final ModelHolder models;
    private final FeatureLayout layout;
    private final Settings settings;
    private final DetectorEvents events;
    private final Results results;
    private final ScoredBatchHook hook;

    /** Every record not forwarded yet, oldest first; the first {@code engine.inFlight()} are being scored. */
    private final List<Pending> pending = new ArrayList<>();

    private ScoringEngine engine;
    private ProcessorContext<String, Object> context;
    private WriteBackStore<Integer, List<Pending>> buffer;

    /**
     * Batch size, flush interval, buffer store, the dead-letter node, and whether full batches are
     * scored on a background thread.
     */
    record Settings(int batchSize, Duration interval, String bufferStore, String deadLetters, boolean background) {}

    /** Where scored records go, one call per record. */
    interface Results {
        void scored(String key, long timestamp, Scored scored);
    }

    /** Also tells {@code hook} about every batch it hands on (the shadow stage). */
    ScoringBatch(
            ModelHolder models,
            FeatureLayout layout,
            Settings settings,
            DetectorEvents events,
            Results results,
            ScoredBatchHook hook) {
        this.models = models;
        this.layout = layout;
        this.settings = settings;
        this.events = events;
        this.results = results;
        this.hook = hook;
    }

    void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.buffer = context.getStateStore(settings.bufferStore());
        if (engine == null) {
            String thread = settings.background()
                    ? "vigil-scoring-" + context.taskId() + " of "
                            + Thread.currentThread().getName()
                    : null;
            engine = new ScoringEngine(models, layout, settings.batchSize(), thread, events);
        }
        restorePending();
        hook.init(context);
        context.schedule(settings.interval(), PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    /**
     * The batch as committed: a processor re-initialised after a dirty close starts from it, not from
     * its old list (a batch it was scoring is dropped and scored again). Entries other than
     * {@link #BATCH} are single records of the one-slot-per-record layout of earlier versions: they
     * join the batch in slot order and are deleted.
     */
    private void restorePending() {
        engine.dropInFlight();
        pending.clear();
        new TreeMap<>(buffer.all()).forEach((key, records) -> {
            pending.addAll(records);
            if (key != BATCH) {
                buffer.delete(key);
            }
        });
        if (!pending.isEmpty()) {
            buffer.put(BATCH, pending);
        }
    }

    /** Adds a full window to the batch; scores the batch when it is full. */
    void add(String key, FeatureVector vector, long timestamp) {
        pending.add(new Pending(key, vector, timestamp));
        buffer.put(BATCH, pending);
        if (engine.inFlightDone()) {
            collect();
        }
        if (pending.size() - engine.inFlight() >= settings.batchSize()) {
            if (engine.inBackground()) {
                collect();
                engine.submit(vectors(Math.min(pending.size(), settings.batchSize())));
            } else {
                flush();
            }
        }
    }

    /** Scores and forwards every pending record (waiting for a batch being scored in the background). */
    void flush() {
        collect();
        if (!pending.isEmpty()) {
            forwardFirst(pending.size(), engine.score(vectors(pending.size())));
        }
    }

    /** Waits for the batch being scored in the background, if any, and forwards it. */
    private void collect() {
        int size = engine.inFlight();
        if (size > 0) {
            forwardFirst(size, engine.collect());
        }
    }

    private List<FeatureVector> vectors(int count) {
        List<FeatureVector> vectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            vectors.add(pending.get(i).vector());
        }
        return vectors;
    }

    /** Forwards the oldest {@code count} pending records (scored, or dead-lettered) and drops them from the batch. */
    private void forwardFirst(int count, Outcome outcome) {
        List<Pending> done = pending.subList(0, count);
        if (outcome.failure() == null) {
            forward(done, outcome.results());
        } else {
            deadLetterAll(done, outcome.failure());
        }
        done.clear();
        if (pending.isEmpty()) {
            buffer.delete(BATCH);
        } else {
            buffer.put(BATCH, pending);
        }
    }

    private void forward(List<Pending> done, List<Scored> scored) {
        for (int i = 0; i < done.size(); i++) {
            Pending entry = done.get(i);
            results.scored(entry.key(), entry.timestamp(), scored.get(i));
        }
        hook.scored(done, scored);
    }

    private void deadLetterAll(List<Pending> done, Exception e) {
        for (Pending entry : done) {
            events.deadLettered(RejectReason.SCORING_FAILED);
            byte[] key = entry.key().getBytes(StandardCharsets.UTF_8);
            var from = new Provenance(
                    null,
                    -1,
                    -1,
                    entry.timestamp(),
                    key,
                    entry.vector().reading().encoded());
            var rejection = new Rejection(RejectReason.SCORING_FAILED, "scoring failed: " + e, e);
            var letter = DeadLetters.of(rejection, from, context.currentSystemTimeMs());
            context.forward(new Record<>(entry.key(), (Object) letter, entry.timestamp()), settings.deadLetters());
        }
    }

    /**
     * The buffer store this step needs, named {@code name}: the batch under one key (room for the
     * {@code batchSize} one-record entries of the earlier layout while they are restored).
     */
    static StoreBuilder<?> bufferStore(String name, int batchSize) {
        return WriteBackStores.persistent(name, Serdes.Integer(), PendingCodec.CODEC, batchSize + 1);
    }

    /**
     * Stops the background thread; the results of a batch still being scored are dropped (its records
     * stay in the committed batch). The scoring tensors are freed only once nothing can be using them.
     */
    void close() {
        hook.close();
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
