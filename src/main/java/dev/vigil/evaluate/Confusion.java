package dev.vigil.evaluate;

/**
 * Counts of a binary detector against labels. Ratios whose denominator is zero are 0, following the
 * usual {@code zero_division=0} convention.
 */
public record Confusion(long tp, long fp, long tn, long fn) {

    /** Counts {@code flags} against {@code labels}, row by row. */
    public static Confusion of(boolean[] labels, boolean[] flags) {
        requireSameLength(labels.length, flags.length);
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < labels.length; i++) {
            if (flags[i]) {
                tp += labels[i] ? 1 : 0;
                fp += labels[i] ? 0 : 1;
            } else {
                fn += labels[i] ? 1 : 0;
                tn += labels[i] ? 0 : 1;
            }
        }
        return new Confusion(tp, fp, tn, fn);
    }

    /** TP / (TP + FP). */
    public double precision() {
        return ratio(tp, tp + fp);
    }

    /** TP / (TP + FN). */
    public double recall() {
        return ratio(tp, tp + fn);
    }

    /** TP / (TP + (FP + FN) / 2), the harmonic mean of precision and recall. */
    public double f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    /** False-alarm rate FP / (FP + TN). */
    public double falseAlarmRate() {
        return ratio(fp, fp + tn);
    }

    /** Missed-alarm rate FN / (FN + TP). */
    public double missedAlarmRate() {
        return ratio(fn, fn + tp);
    }

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    static void requireSameLength(int expected, int actual) {
        if (expected != actual) {
            throw new IllegalArgumentException("length mismatch: " + expected + " labels, " + actual + " values");
        }
    }
}
