package dev.vigil.detector.features;

/** What to do when a reading lacks a feature the model needs. */
public enum MissingPolicy {
    /** Dead-letter the reading. */
    REJECT,
    /** Use the entity's previous value of that feature (dead-letter if there is none). */
    LAST,
    /** Use the training mean from the bundle. */
    MEAN
}
