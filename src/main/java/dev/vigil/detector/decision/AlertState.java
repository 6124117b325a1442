package dev.vigil.detector.decision;

import dev.vigil.contract.avro.FeatureContribution;
import java.util.Arrays;
import java.util.List;

/** One entity's alert state: the recent k-of-n history, and the open episode if any. Mutable. */
public final class AlertState {
    final boolean[] recentAnomalous;
    final long[] recentTimes;
    long seen;
    boolean open;
    long start;
    double peak;
    int anomalousReadings;
    int normalStreak;
    double threshold;
    List<FeatureContribution> contributors = List.of();
    String modelGroup;
    long modelVersion;
    long cooldownUntil = Long.MIN_VALUE;

    /** A fresh state for a k-of-n window of {@code n} readings. */
    public AlertState(int n) {
        this.recentAnomalous = new boolean[n];
        this.recentTimes = new long[n];
    }

    /** Whether an alert is open. */
    public boolean isOpen() {
        return open;
    }

    void remember(boolean anomalous, long time) {
        int slot = (int) (seen++ % recentAnomalous.length);
        recentAnomalous[slot] = anomalous;
        recentTimes[slot] = time;
    }

    /** Whether no alert is open and none of the last n readings was anomalous. */
    public boolean isQuiet() {
        return !open && recentCount() == 0;
    }

    int recentCount() {
        int count = 0;
        for (int i = 0; i < Math.min(seen, recentAnomalous.length); i++) {
            count += recentAnomalous[i] ? 1 : 0;
        }
        return count;
    }

    long firstRecentAnomalyTime() {
        long first = Long.MAX_VALUE;
        for (int i = 0; i < Math.min(seen, recentAnomalous.length); i++) {
            if (recentAnomalous[i]) {
                first = Math.min(first, recentTimes[i]);
            }
        }
        return first;
    }

    void forgetRecent() {
        Arrays.fill(recentAnomalous, false);
        seen = 0;
    }
}
