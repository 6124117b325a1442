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
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Stage 3 processor: batches ONNX Runtime calls without losing or duplicating records. The pending
 * batch is one entry of a changelogged {@link WriteBackStore}, so the records still pending at a
 * commit are committed atomically with the input offsets (encoded once per commit, as one value;
 * an empty batch is a tombstone). The batch is scored and forwarded when it is full and on a
 * wall-clock punctuation; after a restart the restored batch is scored first.
 */
public final class ScoringProcessor implements Processor<String, FeatureVector, String, Object> {
    private final ModelHolder models;
    private final FeatureLayout layout;
    private final Settings settings;
    private final DetectorEvents events;
    /** The key of the pending batch in the buffer store. */
    static final int BATCH = -1;

    private final List<Pending> pending = new ArrayList<>();
    private ProcessorContext<String, Object> context;
    private WriteBackStore<Integer, List<Pending>> buffer;
    private BatchScorer scorer;

    /** Batch size, flush interval, buffer store and the names of the child nodes. */
    public record Settings(int batchSize, Duration interval, String bufferStore, String next, String deadLetters) {}

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
        try {
            this.scorer = new BatchScorer(layout, settings.batchSize());
        } catch (ai.onnxruntime.OrtException e) {
            throw new IllegalStateException("cannot allocate scoring tensors", e);
        }
        restorePending();
        context.schedule(settings.interval(), PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    /**
     * The batch as committed: a processor re-initialised after a dirty close starts from it, not from
     * its old list. Entries other than {@link #BATCH} are single records of the one-slot-per-record
     * layout of earlier versions: they join the batch in slot order and are deleted.
     */
    private void restorePending() {
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
        if (pending.size() >= settings.batchSize()) {
            flush();
        }
    }

    /** Scores and forwards every pending record, then empties the slots. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<FeatureVector> vectors = pending.stream().map(Pending::vector).toList();
        try (ModelLease lease = models.acquire()) {
            forward(scoreInChunks(lease, vectors));
        } catch (ai.onnxruntime.OrtException | RuntimeException e) {
            deadLetterAll(e);
        }
        pending.clear();
        buffer.delete(BATCH);
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

    private void forward(List<Scored> results) {
        for (int i = 0; i < results.size(); i++) {
            Pending entry = pending.get(i);
            context.forward(new Record<>(entry.key(), (Object) results.get(i), entry.timestamp()), settings.next());
        }
    }

    private void deadLetterAll(Exception e) {
        for (Pending entry : pending) {
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

    @Override
    public void close() {
        if (scorer != null) {
            scorer.close();
        }
    }
}
