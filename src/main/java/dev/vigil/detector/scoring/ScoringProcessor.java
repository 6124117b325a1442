package dev.vigil.detector.scoring;

import dev.vigil.detector.DetectorEvents;
import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.ingest.DeadLetters;
import dev.vigil.detector.ingest.Provenance;
import dev.vigil.detector.ingest.RejectReason;
import dev.vigil.detector.ingest.Rejection;
import dev.vigil.detector.scoring.PendingCodec.Pending;
import dev.vigil.detector.state.WriteBackStore;
import dev.vigil.detector.state.WriteBackStores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 3 processor: batches ONNX Runtime calls without losing or duplicating records. The pending
 * batch is one entry of a changelogged {@link WriteBackStore}, so the records still pending at a
 * commit are committed atomically with the input offsets (encoded once per commit, as one value;
 * an empty batch is a tombstone). A full batch is scored and forwarded, and a partial one on a
 * wall-clock punctuation; after a restart the restored batch is scored first.
 *
 * <p>With {@link Settings#background()}, a full batch is scored on a background thread while this
 * one fills the next: its records stay in the committed batch until their results are forwarded (as
 * soon as the stream thread sees them ready, at the latest when the next batch is full or at the
 * punctuation), so a crash at any point re-scores them from the changelog. Only the pure scoring
 * runs there (a copy of the feature rows in, results out); records, stores and forwarding stay on
 * the stream thread.
 */
public final class ScoringProcessor implements Processor<String, FeatureVector, String, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringProcessor.class);
    private final ModelHolder models;
    private final FeatureLayout layout;
    private final Settings settings;
    private final DetectorEvents events;
    /** The key of the pending batch in the buffer store. */
    static final int BATCH = -1;
    /** How long a closing processor waits for a batch being scored before it gives up on it. */
    private static final long CLOSE_WAIT_SECONDS = 30;

    /** Every record not forwarded yet, oldest first; the first {@code inFlight.size()} are being scored. */
    private final List<Pending> pending = new ArrayList<>();

    private InFlight inFlight;
    private ExecutorService background;
    private ProcessorContext<String, Object> context;
    private WriteBackStore<Integer, List<Pending>> buffer;
    private BatchScorer scorer;

    /**
     * Batch size, flush interval, buffer store, the names of the child nodes, and whether full batches
     * are scored on a background thread.
     */
    public record Settings(
            int batchSize,
            Duration interval,
            String bufferStore,
            String next,
            String deadLetters,
            boolean background) {}

    /** The leading {@code size} pending records, being scored in the background. */
    private record InFlight(int size, Future<Outcome> outcome) {}

    /** Results in order, or why none. */
    private record Outcome(List<Scored> results, Exception failure) {}

    public ScoringProcessor(ModelHolder models, FeatureLayout layout, Settings settings, DetectorEvents events) {
        this.models = models;
        this.layout = layout;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.buffer = context.getStateStore(settings.bufferStore());
        if (scorer == null) {
            try {
                this.scorer = new BatchScorer(layout, settings.batchSize());
            } catch (ai.onnxruntime.OrtException e) {
                throw new IllegalStateException("cannot allocate scoring tensors", e);
            }
        }
        if (settings.background() && background == null) {
            background = Executors.newSingleThreadExecutor(daemon("vigil-scoring-" + context.taskId() + " of "
                    + Thread.currentThread().getName()));
        }
        restorePending();
        context.schedule(settings.interval(), PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * The batch as committed: a processor re-initialised after a dirty close starts from it, not from
     * its old list (a batch it was scoring is dropped and scored again). Entries other than
     * {@link #BATCH} are single records of the one-slot-per-record layout of earlier versions: they
     * join the batch in slot order and are deleted.
     */
    private void restorePending() {
        dropInFlight();
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

    @Override
    public void process(Record<String, FeatureVector> record) {
        pending.add(new Pending(record.key(), record.value(), record.timestamp()));
        buffer.put(BATCH, pending);
        if (inFlight != null && inFlight.outcome().isDone()) {
            collect();
        }
        if (pending.size() - inFlightSize() >= settings.batchSize()) {
            if (background == null) {
                flush();
            } else {
                collect();
                submit();
            }
        }
    }

    /** Scores and forwards every pending record (waiting for a batch being scored in the background). */
    void flush() {
        collect();
        if (!pending.isEmpty()) {
            forwardFirst(pending.size(), score(scorer, vectors(pending.size())));
        }
    }

    /** Hands the oldest batch to the background thread (nothing may be in flight). */
    private void submit() {
        int size = Math.min(pending.size(), settings.batchSize());
        List<FeatureVector> vectors = vectors(size);
        BatchScorer tensors = scorer;
        inFlight = new InFlight(size, background.submit(() -> score(tensors, vectors)));
    }

    /** Waits for the batch being scored in the background, if any, and forwards it. */
    private void collect() {
        if (inFlight != null) {
            InFlight batch = inFlight;
            inFlight = null;
            forwardFirst(batch.size(), join(batch.outcome()));
        }
    }

    private int inFlightSize() {
        return inFlight == null ? 0 : inFlight.size();
    }

    private List<FeatureVector> vectors(int count) {
        List<FeatureVector> vectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            vectors.add(pending.get(i).vector());
        }
        return vectors;
    }

    /** Pure scoring: safe on the background thread ({@code tensors} serve one batch at a time). */
    private Outcome score(BatchScorer tensors, List<FeatureVector> vectors) {
        try (ModelLease lease = models.acquire()) {
            return new Outcome(scoreInChunks(tensors, lease, vectors), null);
        } catch (ai.onnxruntime.OrtException | RuntimeException e) {
            return new Outcome(List.of(), e);
        }
    }

    private static Outcome join(Future<Outcome> outcome) {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a scoring batch was in flight", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            return new Outcome(List.of(), e);
        }
    }

    /** One ORT call per capacity-sized chunk (more than one only if a restored buffer outgrew a smaller batch size). */
    private List<Scored> scoreInChunks(BatchScorer tensors, ModelLease lease, List<FeatureVector> vectors)
            throws ai.onnxruntime.OrtException {
        List<Scored> results = new ArrayList<>(vectors.size());
        for (int from = 0; from < vectors.size(); from += tensors.capacity()) {
            var chunk = vectors.subList(from, Math.min(vectors.size(), from + tensors.capacity()));
            long start = System.nanoTime();
            results.addAll(tensors.score(lease, chunk));
            events.inferred(chunk.size(), System.nanoTime() - start);
        }
        return results;
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

    private void forward(List<Pending> done, List<Scored> results) {
        for (int i = 0; i < done.size(); i++) {
            Pending entry = done.get(i);
            context.forward(new Record<>(entry.key(), (Object) results.get(i), entry.timestamp()), settings.next());
        }
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
     * The buffer store this processor needs, named {@code name}: the batch under one key (room for the
     * {@code batchSize} one-record entries of the earlier layout while they are restored).
     */
    public static StoreBuilder<?> bufferStore(String name, int batchSize) {
        return WriteBackStores.persistent(name, Serdes.Integer(), PendingCodec.CODEC, batchSize + 1);
    }

    /**
     * Waits for a batch being scored and discards its results (its records are still pending and are
     * scored again), so that nothing uses the scorer afterwards.
     */
    private void dropInFlight() {
        if (inFlight != null) {
            InFlight batch = inFlight;
            inFlight = null;
            join(batch.outcome());
        }
    }

    /**
     * Stops the background thread; the results of a batch still being scored are dropped (its records
     * stay in the committed batch). The scoring tensors are freed only once nothing can be using them.
     */
    @Override
    public void close() {
        boolean idle = true;
        if (background != null) {
            background.shutdown();
            idle = awaitTermination(background);
            background = null;
        }
        inFlight = null;
        BatchScorer tensors = scorer;
        scorer = null;
        if (tensors != null && idle) {
            tensors.close();
        } else if (tensors != null) {
            LOG.warn(
                    "a scoring batch was still running {} s after close: its tensors are left to the collector",
                    CLOSE_WAIT_SECONDS);
        }
    }

    private static boolean awaitTermination(ExecutorService executor) {
        try {
            return executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
