package dev.vigil.detector.scoring;

import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ModelLease;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores batches of feature vectors with the model in service, on the caller's thread or, with a
 * background thread, one batch at a time while the caller fills the next. Only pure scoring happens
 * here: vectors in, results (or the failure) out. Which records a batch holds, and what happens to
 * its results, is the caller's business.
 */
public final class ScoringEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringEngine.class);
    /** How long closing waits for a batch being scored before it gives up on it. */
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final ModelHolder models;
    private final DetectorEvents events;
    private final BatchScorer scorer;
    private ExecutorService background;
    private InFlight inFlight;

    /** Results in order, or why there are none. */
    public record Outcome(List<Scored> results, Exception failure) {}

    /** The {@code size} vectors being scored in the background. */
    private record InFlight(int size, Future<Outcome> outcome) {}

    /**
     * Tensors for batches of up to {@code batchSize} rows; {@code backgroundThread} names the
     * background thread, or is null to score on the caller's thread only.
     */
    public ScoringEngine(
            ModelHolder models, FeatureLayout layout, int batchSize, String backgroundThread, DetectorEvents events) {
        this.models = models;
        this.events = events;
        try {
            this.scorer = new BatchScorer(layout, batchSize);
        } catch (ai.onnxruntime.OrtException e) {
            throw new IllegalStateException("cannot allocate scoring tensors", e);
        }
        if (backgroundThread != null) {
            background = Executors.newSingleThreadExecutor(task -> daemon(task, backgroundThread));
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Whether full batches go to the background thread. */
    public boolean inBackground() {
        return background != null;
    }

    /** Scores {@code vectors} now, on this thread (nothing may be in flight). */
    public Outcome score(List<FeatureVector> vectors) {
        try (ModelLease lease = models.acquire()) {
            return new Outcome(scoreInChunks(lease, vectors), null);
        } catch (ai.onnxruntime.OrtException | RuntimeException e) {
            return new Outcome(List.of(), e);
        }
    }

    /** Hands {@code vectors} to the background thread (nothing may be in flight). */
    public void submit(List<FeatureVector> vectors) {
        inFlight = new InFlight(vectors.size(), background.submit(() -> score(vectors)));
    }

    /** How many vectors are being scored in the background: 0 when none. */
    public int inFlight() {
        return inFlight == null ? 0 : inFlight.size();
    }

    /** Whether a batch is in flight and its outcome is ready. */
    public boolean inFlightDone() {
        return inFlight != null && inFlight.outcome().isDone();
    }

    /** Waits for the batch in flight and returns its outcome (call only when {@link #inFlight()} > 0). */
    public Outcome collect() {
        InFlight batch = inFlight;
        inFlight = null;
        return join(batch.outcome());
    }

    /** Waits for a batch in flight, if any, and discards its outcome, so nothing uses the tensors after. */
    public void dropInFlight() {
        if (inFlight != null) {
            collect();
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
    private List<Scored> scoreInChunks(ModelLease lease, List<FeatureVector> vectors)
            throws ai.onnxruntime.OrtException {
        List<Scored> results = new ArrayList<>(vectors.size());
        for (int from = 0; from < vectors.size(); from += scorer.capacity()) {
            var chunk = vectors.subList(from, Math.min(vectors.size(), from + scorer.capacity()));
            long start = System.nanoTime();
            results.addAll(scorer.score(lease, chunk));
            events.inferred(chunk.size(), System.nanoTime() - start);
        }
        return results;
    }

    /**
     * Stops the background thread; the outcome of a batch still being scored is dropped. The tensors
     * are freed only once nothing can be using them.
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
        if (idle) {
            scorer.close();
        } else {
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
