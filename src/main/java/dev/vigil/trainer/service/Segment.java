package dev.vigil.trainer.service;

/**
 * A run of consecutive kept records of one entity, in arrival order: training windows are cut
 * inside a segment, never across the gap left by an excluded record.
 *
 * @param entity the entity
 * @param rows one row of feature values per record
 * @param scores the detector's score of each record (NaN when not scored)
 * @param versions the model version that scored each record (-1 when not scored)
 */
public record Segment(String entity, double[][] rows, double[] scores, long[] versions) {
    /** Number of records. */
    public int length() {
        return rows.length;
    }
}
