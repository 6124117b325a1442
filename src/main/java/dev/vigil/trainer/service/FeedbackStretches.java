package dev.vigil.trainer.service;

import dev.vigil.contract.avro.Feedback;
import dev.vigil.contract.avro.FeedbackLabel;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The operators' feedback the trainer has read: stretches of entities' event time called false
 * alarms (normal data after all) or confirmed anomalies (never training data). At most {@code max}
 * are kept, the oldest read leaving first. Not thread-safe: the service's thread.
 */
final class FeedbackStretches {
    private record Stretch(String entity, long from, long to, FeedbackLabel label) {
        boolean covers(String entity, long time) {
            return time >= from && time <= to && this.entity.equals(entity);
        }
    }

    private final int max;
    private final Deque<Stretch> stretches = new ArrayDeque<>();

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
        stretches.addLast(new Stretch(feedback.getEntity(), from, to, feedback.getLabel()));
        if (stretches.size() > max) {
            stretches.removeFirst();
        }
    }

    /** Whether no feedback was read. */
    boolean isEmpty() {
        return stretches.isEmpty();
    }

    /** Whether {@code entity}'s record at {@code time} lies in a stretch labelled {@code label}. */
    boolean covers(String entity, long time, FeedbackLabel label) {
        for (Stretch stretch : stretches) {
            if (stretch.label() == label && stretch.covers(entity, time)) {
                return true;
            }
        }
        return false;
    }
}
