package dev.vigil.detector.sinks;

import dev.vigil.contract.avro.Verdict;

/**
 * Which scored readings carry per-feature detail (errors and expected values) on the scored topic.
 * The detail is two maps of every feature, more than half of a scored record's bytes; alerts carry
 * their top contributors whatever this says.
 */
public enum FeatureDetail {
    /** Every scored reading. */
    ALL,
    /** Only readings scored ANOMALOUS (the default): where someone will look for the cause. */
    ANOMALOUS,
    /** No reading: score, threshold and verdict only. */
    NONE;

    /** Whether a reading with {@code verdict} carries the detail. */
    public boolean includes(Verdict verdict) {
        return this == ALL || (this == ANOMALOUS && verdict == Verdict.ANOMALOUS);
    }
}
