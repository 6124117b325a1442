package dev.vigil.trainer.service;

/**
 * What operators' feedback changed in one collection's training data.
 *
 * @param falseAlarmRowsAdded records the detector had flagged, in stretches called false alarms, now
 *     trained on as normal data
 * @param confirmedRowsRemoved records the detector had called normal, in stretches confirmed as
 *     anomalies, now left out
 */
public record FeedbackEffect(int falseAlarmRowsAdded, int confirmedRowsRemoved) {
    /** No feedback, no change. */
    public static final FeedbackEffect NONE = new FeedbackEffect(0, 0);
}
