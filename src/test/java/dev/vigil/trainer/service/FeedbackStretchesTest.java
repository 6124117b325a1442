package dev.vigil.trainer.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.Feedback;
import dev.vigil.contract.avro.FeedbackLabel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedbackStretchesTest {
    private static Feedback feedback(String entity, FeedbackLabel label, long from, long to) {
        return Feedback.newBuilder()
                .setEntity(entity)
                .setFrom(Instant.ofEpochMilli(from))
                .setTo(Instant.ofEpochMilli(to))
                .setLabel(label)
                .build();
    }

    @Test
    void aStretchCoversItsEntitysRecordsInsideItsBoundsWithItsLabelOnly() {
        var stretches = new FeedbackStretches(10);
        stretches.add(feedback("a", FeedbackLabel.FALSE_ALARM, 10, 20));
        assertTrue(stretches.covers("a", 10, FeedbackLabel.FALSE_ALARM));
        assertTrue(stretches.covers("a", 20, FeedbackLabel.FALSE_ALARM));
        assertFalse(stretches.covers("a", 21, FeedbackLabel.FALSE_ALARM));
        assertFalse(stretches.covers("a", 15, FeedbackLabel.CONFIRMED_ANOMALY));
        assertFalse(stretches.covers("b", 15, FeedbackLabel.FALSE_ALARM));
    }

    @Test
    void beyondTheBoundTheOldestStretchLeaves() {
        var stretches = new FeedbackStretches(2);
        stretches.add(feedback("a", FeedbackLabel.FALSE_ALARM, 0, 1));
        stretches.add(feedback("b", FeedbackLabel.FALSE_ALARM, 0, 1));
        stretches.add(feedback("a", FeedbackLabel.CONFIRMED_ANOMALY, 5, 6));
        assertFalse(stretches.covers("a", 0, FeedbackLabel.FALSE_ALARM), "the oldest left");
        assertTrue(stretches.covers("b", 0, FeedbackLabel.FALSE_ALARM));
        assertTrue(stretches.covers("a", 5, FeedbackLabel.CONFIRMED_ANOMALY));
    }

    @Test
    void aBackwardStretchIsIgnored() {
        var stretches = new FeedbackStretches(2);
        stretches.add(feedback("a", FeedbackLabel.FALSE_ALARM, 5, 1));
        assertTrue(stretches.isEmpty());
    }
}
