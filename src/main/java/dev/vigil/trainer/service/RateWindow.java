package dev.vigil.trainer.service;

/**
 * The last {@code capacity} verdicts of one model version, anomalous or not, in a ring: its anomaly
 * rate over at most that many readings, how many readings it has seen in all, and its rate over its
 * first {@code capacity} readings (kept once they are in).
 */
final class RateWindow {
    private final boolean[] ring;
    private long seen;
    private int anomalies;
    private double firstRate = Double.NaN;

    RateWindow(int capacity) {
        this.ring = new boolean[capacity];
    }

    void add(boolean anomalous) {
        int slot = (int) (seen % ring.length);
        if (seen >= ring.length && ring[slot]) {
            anomalies--;
        }
        ring[slot] = anomalous;
        anomalies += anomalous ? 1 : 0;
        seen++;
        if (seen == ring.length) {
            firstRate = rate();
        }
    }

    /** Anomaly rate over the first {@code capacity} readings; NaN until they are in. */
    double firstRate() {
        return firstRate;
    }

    /** Readings seen in all. */
    long seen() {
        return seen;
    }

    /** Readings in the window now: at most the capacity. */
    int size() {
        return (int) Math.min(seen, ring.length);
    }

    /** Anomaly rate over the window (NaN while empty). */
    double rate() {
        return size() == 0 ? Double.NaN : (double) anomalies / size();
    }
}
