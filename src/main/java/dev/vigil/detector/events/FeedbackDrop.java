package dev.vigil.detector.events;

/** Why operator feedback was dropped without applying; the lower-case name is the metric's reason tag. */
public enum FeedbackDrop {
    /** Not a readable Feedback record, or a stretch whose end comes before its start (dead-lettered too). */
    INVALID,
    /** Its entity was never scored by this detector before the feedback's wait ran out. */
    UNKNOWN_ENTITY,
    /** Its entity was not scored up to the stretch's end before the feedback's wait ran out. */
    EXPIRED,
    /** The task already kept {@code feedback.pending.max} feedback records waiting to apply. */
    PENDING_FULL
}
