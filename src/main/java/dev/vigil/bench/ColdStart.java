package dev.vigil.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fresh detector instance (new application id, empty state) started while input arrives at a paced
 * rate from the same moment: how long until its first scored record, and until the backlog built up
 * meanwhile has drained, i.e. from when on every record is scored within {@code boundMs}.
 *
 * @param rateRps the paced input rate, records/s
 * @param firstScoredMs from start to the first scored record read back
 * @param drainedMs from start to the send time after which every record stayed within the bound;
 *     NaN when the run ended before it drained
 * @param boundMs the latency a drained detector stays within
 * @param count records sent and scored
 */
public record ColdStart(double rateRps, double firstScoredMs, double drainedMs, double boundMs, long count) {
    /** One scored record: when it was sent, after the start, and its latency, both in nanoseconds. */
    record Sample(long sentAfterStartNanos, long latencyNanos) {}

    /**
     * The drain time of {@code samples} (in send order or not): the send time of the last record
     * over {@code boundNanos}, or 0 when none was; NaN when that record was the last one sent, so
     * nothing shows the detector within the bound afterwards.
     */
    static double drainedMillis(List<Sample> samples, long boundNanos) {
        long lastSent = Long.MIN_VALUE;
        long lastOver = -1;
        for (Sample sample : samples) {
            lastSent = Math.max(lastSent, sample.sentAfterStartNanos());
            if (sample.latencyNanos() > boundNanos) {
                lastOver = Math.max(lastOver, sample.sentAfterStartNanos());
            }
        }
        if (lastOver < 0) {
            return 0;
        }
        return lastOver == lastSent ? Double.NaN : lastOver / 1e6;
    }

    /** The report entry: {@code rate_rps, first_scored_ms, drained_ms, bound_ms, records}. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rate_rps", Math.round(rateRps));
        map.put("first_scored_ms", Math.round(firstScoredMs));
        map.put("drained_ms", Double.isNaN(drainedMs) ? null : Math.round(drainedMs));
        map.put("bound_ms", boundMs);
        map.put("records", count);
        return map;
    }
}
