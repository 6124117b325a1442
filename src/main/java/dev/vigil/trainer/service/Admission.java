package dev.vigil.trainer.service;

/** Whether a record offered to the collection was kept, and if not, why. */
public enum Admission {
    /** Kept as normal training data. */
    KEPT,
    /** The detector called it anomalous. */
    ANOMALOUS,
    /** The detector had not scored it yet (the entity's window was filling). */
    WARMING_UP,
    /** Its entity was inside an open alert. */
    IN_OPEN_ALERT,
    /** Its entity's last alert closed less than the quarantine ago: the end of an episode is not normal data. */
    AFTER_ALERT,
    /** A feature was missing from the record. */
    MISSING_FEATURE,
    /** A value was non-finite or outside its feature's configured range. */
    OUT_OF_RANGE
}
