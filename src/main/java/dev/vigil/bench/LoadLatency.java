package dev.vigil.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Steady-state end-to-end latency at one paced load, measured after a warm-up at the same detector.
 *
 * @param load the rate as a share of the maximum it is based on (0.5 = half)
 * @param rateRps the paced rate, records/s
 * @param p50Ms median latency
 * @param p99Ms 99th percentile
 * @param p999Ms 99.9th percentile
 * @param count latencies recorded
 */
public record LoadLatency(double load, double rateRps, double p50Ms, double p99Ms, double p999Ms, long count) {
    /** The figures of {@code recorder} at {@code load} of the maximum, paced at {@code rateRps}. */
    static LoadLatency of(double load, double rateRps, LatencyRecorder recorder) {
        return new LoadLatency(
                load,
                rateRps,
                recorder.percentileMillis(50),
                recorder.percentileMillis(99),
                recorder.percentileMillis(99.9),
                recorder.count());
    }

    /** The report entry: {@code load, rate_rps, p50_ms, p99_ms, p999_ms, records}. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("load", load);
        map.put("rate_rps", Math.round(rateRps));
        map.put("p50_ms", p50Ms);
        map.put("p99_ms", p99Ms);
        map.put("p999_ms", p999Ms);
        map.put("records", count);
        return map;
    }
}
