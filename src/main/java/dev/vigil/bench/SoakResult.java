package dev.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a soak run: samples over time, the fitted heap trend over the second half (after
 * caches and JIT settle), and totals.
 *
 * @param rate the paced input rate, records/s
 * @param sent readings produced
 * @param received output records read
 * @param samples one per sampling interval
 */
public record SoakResult(double rate, long sent, long received, List<SoakSample> samples) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Least-squares slope of heap-after-GC over the second half of the samples, MiB per hour. */
    public double heapSlopeMbPerHour() {
        List<SoakSample> late = samples.subList(samples.size() / 2, samples.size());
        if (late.size() < 2) {
            return Double.NaN;
        }
        double[] hours =
                late.stream().mapToDouble(s -> s.elapsedSeconds() / 3600).toArray();
        double[] mb = late.stream().mapToDouble(SoakSample::heapAfterGcMb).toArray();
        return LinearFit.of(hours, mb).slope();
    }

    /** Errors counted by the end of the run. */
    public long errors() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).errors();
    }

    /** The report as a map with snake_case keys. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rate_rps", Math.round(rate));
        map.put("sent", sent);
        map.put("received", received);
        map.put("errors", errors());
        double slope = heapSlopeMbPerHour();
        map.put("heap_slope_mb_per_hour", Double.isFinite(slope) ? slope : null);
        map.put("samples", samples.stream().map(SoakResult::sample).toList());
        return map;
    }

    /** Writes the report as JSON. */
    public void write(Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), toMap());
    }

    /** The report as indented JSON. */
    public String toJson() throws IOException {
        return MAPPER.writeValueAsString(toMap());
    }

    private static Map<String, Object> sample(SoakSample s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("t_s", Math.round(s.elapsedSeconds()));
        map.put("heap_after_gc_mb", Math.round(s.heapAfterGcMb() * 10) / 10.0);
        map.put("rps", Math.round(s.recordsPerSecond()));
        map.put("errors", s.errors());
        return map;
    }
}
