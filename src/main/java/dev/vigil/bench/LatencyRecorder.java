package dev.vigil.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** End-to-end latencies in a high-dynamic-range histogram (1 µs to 10 min, 3 significant digits). */
public final class LatencyRecorder {
    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);

    /** Records one latency in nanoseconds; negative values (clock skew) count as zero. */
    public void recordNanos(long nanos) {
        long micros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos));
        histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
    }

    /** The latency at {@code percentile} (0-100), in milliseconds. */
    public double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Number of latencies recorded. */
    public long count() {
        return histogram.getTotalCount();
    }
}
