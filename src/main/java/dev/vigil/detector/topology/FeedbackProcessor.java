package dev.vigil.detector.topology;

import dev.vigil.contract.avro.Feedback;
import dev.vigil.contract.avro.FeedbackLabel;
import dev.vigil.detector.decision.EntityState;
import dev.vigil.detector.decision.FeedbackLearning;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.events.FeedbackDrop;
import dev.vigil.detector.ingest.DeadLetters;
import dev.vigil.detector.ingest.FeedbackDecoder;
import dev.vigil.detector.ingest.Provenance;
import dev.vigil.detector.ingest.RejectedException;
import dev.vigil.detector.state.WriteBackStore;
import dev.vigil.detector.state.WriteBackStores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The feedback topic's processor: a false alarm is taught to its entity's state in the decision
 * store at once ({@link FeedbackLearning}) when the entity has been scored past the stretch's end;
 * otherwise it waits in the pending-feedback store, retried every second (wall clock), until it
 * applies or its wait ({@code feedback.pending.ttl.ms}) runs out. A confirmation changes nothing.
 * Unreadable or invalid records go to {@code deadLetters}. Both stores are changelogged, and their
 * changes commit with the feedback's offsets, so under exactly-once each feedback applies once.
 */
final class FeedbackProcessor implements Processor<byte[], byte[], String, Object> {
    static final Duration RETRY = Duration.ofSeconds(1);

    private final FeedbackLearning learning;
    private final Targets targets;
    private final DetectorEvents events;
    private ProcessorContext<String, Object> context;
    private WriteBackStore<String, EntityState> states;
    private WriteBackStore<String, List<WaitingFeedback>> pending;
    private int waiting;

    /**
     * The stores and the dead-letter sink.
     *
     * @param maxPending most feedback records waiting per task
     * @param ttlMs how long one waits, wall clock
     */
    record Targets(String stateStore, String pendingStore, String deadLetters, int maxPending, long ttlMs) {}

    FeedbackProcessor(FeedbackLearning learning, Targets targets, DetectorEvents events) {
        this.learning = learning;
        this.targets = targets;
        this.events = events;
    }

    /** The pending-feedback store, named {@code name}. */
    static StoreBuilder<?> pendingStore(String name) {
        return WriteBackStores.persistent(name, Serdes.String(), WaitingFeedback.CODEC, 1024);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.states = context.getStateStore(targets.stateStore());
        this.pending = context.getStateStore(targets.pendingStore());
        this.waiting = pending.all().values().stream().mapToInt(List::size).sum();
        context.schedule(RETRY, PunctuationType.WALL_CLOCK_TIME, this::retry);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Feedback feedback;
        try {
            feedback = FeedbackDecoder.read(record.value());
        } catch (RejectedException e) {
            deadLetter(record, e);
            return;
        }
        events.feedbackReceived(feedback.getLabel());
        if (feedback.getLabel() == FeedbackLabel.FALSE_ALARM && !apply(feedback)) {
            keep(feedback);
        }
    }

    /** Applies {@code feedback} if its entity has been scored past the stretch's end. */
    private boolean apply(Feedback feedback) {
        String entity = feedback.getEntity();
        EntityState state = states.get(entity);
        if (state == null) {
            return false;
        }
        var outcome = learning.falseAlarm(
                state, feedback.getFrom().toEpochMilli(), feedback.getTo().toEpochMilli());
        if (outcome != FeedbackLearning.Outcome.APPLIED) {
            return false;
        }
        states.put(entity, state);
        events.feedbackApplied(feedback.getLabel());
        return true;
    }

    private void keep(Feedback feedback) {
        if (waiting >= targets.maxPending()) {
            events.feedbackDropped(FeedbackDrop.PENDING_FULL);
            return;
        }
        String entity = feedback.getEntity();
        List<WaitingFeedback> list = new ArrayList<>(orEmpty(pending.get(entity)));
        list.add(new WaitingFeedback(feedback, context.currentSystemTimeMs()));
        pending.put(entity, list);
        waiting++;
    }

    /** Applies what can apply now and drops what waited too long. */
    private void retry(long now) {
        if (waiting == 0) {
            return;
        }
        for (Map.Entry<String, List<WaitingFeedback>> entry : pending.all().entrySet()) {
            List<WaitingFeedback> left = new ArrayList<>();
            for (WaitingFeedback item : entry.getValue()) {
                if (!apply(item.feedback()) && !expire(item, now)) {
                    left.add(item);
                }
            }
            if (left.size() != entry.getValue().size()) {
                waiting -= entry.getValue().size() - left.size();
                pending.put(entry.getKey(), left.isEmpty() ? null : left);
            }
        }
    }

    private boolean expire(WaitingFeedback item, long now) {
        if (now - item.receivedAt() < targets.ttlMs()) {
            return false;
        }
        boolean known = states.get(item.feedback().getEntity()) != null;
        events.feedbackDropped(known ? FeedbackDrop.EXPIRED : FeedbackDrop.UNKNOWN_ENTITY);
        return true;
    }

    private void deadLetter(Record<byte[], byte[]> record, RejectedException e) {
        events.deadLettered(e.rejection().reason());
        events.feedbackDropped(FeedbackDrop.INVALID);
        var meta = context.recordMetadata().orElse(null);
        var from = new Provenance(
                meta == null ? null : meta.topic(),
                meta == null ? -1 : meta.partition(),
                meta == null ? -1L : meta.offset(),
                record.timestamp(),
                record.key(),
                record.value());
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        var letter = DeadLetters.of(e.rejection(), from, context.currentSystemTimeMs());
        context.forward(record.withKey(key).withValue((Object) letter), targets.deadLetters());
    }

    private static List<WaitingFeedback> orEmpty(List<WaitingFeedback> list) {
        return list == null ? List.of() : list;
    }
}
