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
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Stage 3 processor: batches ONNX Runtime calls without losing or duplicating records. Each incoming
 * vector takes one of a fixed set of slots in a changelogged {@link WriteBackStore}, so a batch
 * still pending at a commit is committed atomically with the input offsets (a slot is encoded only
 * if it is still pending when a commit comes). The batch is scored and forwarded when the slots
 * fill and on a wall-clock punctuation; after a restart the restored slots are scored first.
 */
public final class ScoringProcessor implements Processor<String, FeatureVector, String, Object> {
    private final ModelHolder models;
    private final FeatureLayout layout;
    private final Settings settings;
    private final DetectorEvents events;
    private final List<Pending> pending = new ArrayList<>();
    private ProcessorContext<String, Object> context;
    private WriteBackStore<Integer, Pending> slots;
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
        this.slots = context.getStateStore(settings.bufferStore());
        try {
            this.scorer = new BatchScorer(layout, settings.batchSize());
        } catch (ai.onnxruntime.OrtException e) {
            throw new IllegalStateException("cannot allocate scoring tensors", e);
        }
        restorePending();
        context.schedule(settings.interval(), PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    /** The slots as committed: a processor re-initialised after a dirty close starts from them, not from its old list. */
    private void restorePending() {
        pending.clear();
        pending.addAll(slots.all().values());
    }

    @Override
    public void process(Record<String, FeatureVector> record) {
        Pending entry = new Pending(record.key(), record.value(), record.timestamp());
        slots.put(pending.size(), entry);
        pending.add(entry);
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
        for (int slot = 0; slot < pending.size(); slot++) {
            slots.delete(slot);
        }
        pending.clear();
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

    /** The buffer store this processor needs, named {@code name}, for batches of up to {@code batchSize}. */
    public static StoreBuilder<?> bufferStore(String name, int batchSize) {
        return WriteBackStores.persistent(name, Serdes.Integer(), PendingCodec.CODEC, batchSize);
    }

    @Override
    public void close() {
        if (scorer != null) {
            scorer.close();
        }
    }
}
