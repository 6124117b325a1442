package dev.vigil.evaluate;

import java.util.List;

/**
 * One entity of a labelled dataset: training rows (unlabelled) and test rows with labels, both in
 * time order, with the same feature columns.
 *
 * @param name the entity (the Kafka key when streamed)
 * @param featureNames the feature columns, in file order (neither {@code timestamp} nor {@code label})
 * @param train training rows, {@code [row][feature]}
 * @param trainTimestamps event time of each training row, epoch milliseconds
 * @param test test rows, {@code [row][feature]}
 * @param testTimestamps event time of each test row, epoch milliseconds
 * @param labels whether each test row is labelled anomalous
 */
public record EntityData(
        String name,
        List<String> featureNames,
        double[][] train,
        long[] trainTimestamps,
        double[][] test,
        long[] testTimestamps,
        boolean[] labels) {

    /** Number of labelled-anomalous test rows. */
    public int anomalousTestRows() {
        int count = 0;
        for (boolean label : labels) {
            count += label ? 1 : 0;
        }
        return count;
    }
}
