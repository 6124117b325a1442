package dev.vigil.trainer.service;

import dev.vigil.contract.avro.Feedback;
import dev.vigil.contract.avro.FeedbackLabel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators' feedback the trainer has read: stretches of entities' event time called false
 * alarms (normal data after all) or confirmed anomalies (never training data), indexed by entity. At
 * most {@code max} are kept, the oldest read leaving first. Not thread-safe: the service's thread.
 */
final class FeedbackStretches {
    private record Stretch(String entity, long from, long to, FeedbackLabel label) {
        boolean covers(long time, FeedbackLabel label) {
            return this.label == label && time >= from && time <= to;
        }
    }

    private final int max;
    private final Deque<Stretch> order = new ArrayDeque<>();
    private final Map<String, List<Stretch>> byEntity = new HashMap<>();

    FeedbackStretches(int max) {
        this.max = max;
    }

    /** Remembers {@code feedback}; one whose stretch ends before it starts is ignored. */
    void add(Feedback feedback) {
        long from = feedback.getFrom().toEpochMilli();
        long to = feedback.getTo().toEpochMilli();
        if (to < from || feedback.getEntity() == null) {
            return;
        }
        Stretch stretch = new Stretch(feedback.getEntity(), from, to, feedback.getLabel());
        order.addLast(stretch);
        byEntity.computeIfAbsent(stretch.entity(), e -> new ArrayList<>()).add(stretch);
        if (order.size() > max) {
            Stretch oldest = order.removeFirst();
            List<Stretch> entity = byEntity.get(oldest.entity());
            entity.remove(0);
            if (entity.isEmpty()) {
                byEntity.remove(oldest.entity());
            }
        }
    }

    /** Whether no feedback was read. */
    boolean isEmpty() {
        return order.isEmpty();
    }

    /** Whether {@code entity}'s record at {@code time} lies in a stretch labelled {@code label}. */
    boolean covers(String entity, long time, FeedbackLabel label) {
        for (Stretch stretch : byEntity.getOrDefault(entity, List.of())) {
            if (stretch.covers(time, label)) {
                return true;
            }
        }
        return false;
    }
}
