package dev.vigil.trainer.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.FeedbackLabel;
import dev.vigil.testkit.Feedbacks;
import org.junit.jupiter.api.Test;

class FeedbackStretchesTest {
    @Test
    void aStretchCoversItsEntitysRecordsInsideItsBoundsWithItsLabelOnly() {
        var stretches = new FeedbackStretches(10);
        stretches.add(Feedbacks.stretch("a", FeedbackLabel.FALSE_ALARM, 10, 20));
        assertTrue(stretches.covers("a", 10, FeedbackLabel.FALSE_ALARM));
        assertTrue(stretches.covers("a", 20, FeedbackLabel.FALSE_ALARM));
        assertFalse(stretches.covers("a", 21, FeedbackLabel.FALSE_ALARM));
        assertFalse(stretches.covers("a", 15, FeedbackLabel.CONFIRMED_ANOMALY));
        assertFalse(stretches.covers("b", 15, FeedbackLabel.FALSE_ALARM));
    }

    @Test
    void beyondTheBoundTheOldestStretchLeaves() {
        var stretches = new FeedbackStretches(2);
        stretches.add(Feedbacks.stretch("a", FeedbackLabel.FALSE_ALARM, 0, 1));
        stretches.add(Feedbacks.stretch("b", FeedbackLabel.FALSE_ALARM, 0, 1));
        stretches.add(Feedbacks.stretch("a", FeedbackLabel.CONFIRMED_ANOMALY, 5, 6));
        assertFalse(stretches.covers("a", 0, FeedbackLabel.FALSE_ALARM), "the oldest left");
        assertTrue(stretches.covers("b", 0, FeedbackLabel.FALSE_ALARM));
        assertTrue(stretches.covers("a", 5, FeedbackLabel.CONFIRMED_ANOMALY));
    }

    @Test
    void aBackwardStretchIsIgnored() {
        var stretches = new FeedbackStretches(2);
        stretches.add(Feedbacks.stretch("a", FeedbackLabel.FALSE_ALARM, 5, 1));
        assertTrue(stretches.isEmpty());
    }
}
