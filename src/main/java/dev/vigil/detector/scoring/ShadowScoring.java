package dev.vigil.detector.scoring;

import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.models.ModelLease;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores batches with a shadow candidate on a background thread of its own, one batch at a time,
 * off the stream thread: {@link #submit} hands a batch over and returns at once (refusing it while
 * {@value #MAX_QUEUED} batches are queued or being scored, so the live path never waits), {@link
 * #poll} returns the finished batches in order. Every failure of the shadow is caught into the batch; nothing thrown here reaches
 * live scoring. Not thread-safe: one caller (the stream thread) per instance.
 */
public final class ShadowScoring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowScoring.class);
    private static final long CLOSE_WAIT_SECONDS = 30;
    /** Most batches handed over and not yet collected. */
    static final int MAX_QUEUED = 4;
    /** Entities whose smoothed scores are kept (least recently seen dropped beyond). */
    static final int SMOOTHED_ENTITIES = 10_000;

    private final FeatureLayout layout;
    private final int capacity;
    private final String threadName;
    private ExecutorService executor;
    private BatchScorer scorer;
    /** Touched only on the background thread. */
    private final ShadowSmoothing smoothing = new ShadowSmoothing(SMOOTHED_ENTITIES);

    private final Deque<Future<ShadowBatch>> inFlight = new ArrayDeque<>();

    /** Tensors of {@code capacity} rows (allocated on first use), on a thread named {@code threadName}. */
    public ShadowScoring(FeatureLayout layout, int capacity, String threadName) {
        this.layout = layout;
        this.capacity = capacity;
        this.threadName = threadName;
    }

    /**
     * Scores {@code vectors} with the leased shadow in the background, beside {@code live} (their live
     * results, in order); the lease is closed when done. Returns false, closing the lease, while
     * {@value #MAX_QUEUED} batches are in flight.
     */
    public boolean submit(ModelLease shadow, List<FeatureVector> vectors, List<Scored> live) {
        if (inFlight.size() >= MAX_QUEUED) {
            shadow.close();
            return false;
        }
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(this::daemon);
        }
        List<FeatureVector> rows = List.copyOf(vectors);
        List<Scored> results = List.copyOf(live);
        inFlight.addLast(executor.submit(() -> score(shadow, rows, results)));
        return true;
    }

    /** The batches finished since the last call, oldest first (each returned once). */
    public List<ShadowBatch> poll() {
        List<ShadowBatch> done = new ArrayList<>();
        while (!inFlight.isEmpty() && inFlight.peekFirst().isDone()) {
            collect(inFlight.pollFirst()).ifPresent(done::add);
        }
        return done;
    }

    private static Optional<ShadowBatch> collect(Future<ShadowBatch> done) {
        try {
            return Optional.of(done.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.warn("Shadow scoring failed; live scoring is unaffected", e.getCause());
            return Optional.empty();
        }
    }

    private ShadowBatch score(ModelLease shadow, List<FeatureVector> vectors, List<Scored> live) {
        try (shadow) {
            if (scorer == null) {
                scorer = new BatchScorer(layout, capacity);
            }
            double[] scores = new double[vectors.size()];
            for (int from = 0; from < vectors.size(); from += capacity) {
                var chunk = vectors.subList(from, Math.min(vectors.size(), from + capacity));
                List<Scored> scored = scorer.score(shadow, chunk);
                for (int i = 0; i < scored.size(); i++) {
                    scores[from + i] = scored.get(i).score();
                }
            }
            return new ShadowBatch(shadow.info(), live, scores, smoothing.smooth(live, scores, shadow.info()), null);
        } catch (ai.onnxruntime.OrtException | RuntimeException e) {
            return new ShadowBatch(shadow.info(), live, new double[0], new double[0][], e);
        }
    }

    private Thread daemon(Runnable task) {
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        return thread;
    }

    /** Stops the thread (a batch in flight is dropped) and frees the tensors on it. */
    @Override
    public void close() {
        if (executor == null) {
            return;
        }
        executor.submit(() -> {
            if (scorer != null) {
                scorer.close();
                scorer = null;
            }
        });
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("a shadow batch was still running {} s after close", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        inFlight.clear();
    }
}
