package dev.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark run, all measured on the same broker and the same data.
 *
 * @param rounds records/s of the pass-through topology and of the detector in each measured round
 * @param costs CPU time and broker bytes per record of both in each measured round
 * @param warmupRounds untimed rounds of both subjects before them
 * @param latencyBaseRate the maximum records/s the latency loads are shares of
 * @param steadyLatency the detector's warm end-to-end latency at each load, lowest load first
 * @param coldStart a fresh detector instance started into paced input at the highest load
 * @param records records processed by each subject
 * @param streamsSettings the extra Kafka Streams settings both subjects ran with
 * @param subject the name of the subject measured against the pass-through (the detector)
 * @param detectorSettings the detector's settings that shape its per-record work and output
 */
public record BenchResult(
        Rounds rounds,
        Costs costs,
        int warmupRounds,
        double latencyBaseRate,
        List<LoadLatency> steadyLatency,
        ColdStart coldStart,
        int records,
        Map<String, String> streamsSettings,
        String subject,
        Map<String, String> detectorSettings) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The pass-through's records/s: the median over the measured rounds. */
    public double passthroughRps() {
        return rounds.passthroughMedian();
    }

    /** The detector's records/s: the median over the measured rounds. */
    public double detectorRps() {
        return rounds.detectorMedian();
    }

    /** The steady latency at the highest load (half the maximum by default). */
    public LoadLatency latencyAtHighestLoad() {
        return steadyLatency.get(steadyLatency.size() - 1);
    }

    /** Detector throughput as a share of pass-through throughput (of the medians). */
    public double ratio() {
        return detectorRps() / passthroughRps();
    }

    /**
     * The report: {@code passthrough_rps, detector_rps, ratio, latency_p50_ms, latency_p99_ms,
     * latency_p999_ms} (steady, at the highest load), {@code guarantee} first, the latency at each
     * load ({@code latency}) and the cold start ({@code cold_start}), then the costs per record (CPU of each subject's own threads {@code
     * *_cpu_us_per_record} and their ratio {@code cpu_ratio}; the same for the stream thread alone and
     * for the whole process; the part of it taken by the garbage collector, the JIT compilers and
     * RocksDB's threads, {@code *_gc_cpu_us_per_record}, {@code *_jit_…} and {@code *_rocksdb_…};
     * bytes written to the broker), then context (rate, records, machine).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("passthrough_rps", Math.round(passthroughRps()));
        map.put("detector_rps", Math.round(detectorRps()));
        map.put("ratio", Math.round(ratio() * 1000) / 1000.0);
        map.put("latency_p50_ms", latencyAtHighestLoad().p50Ms());
        map.put("latency_p99_ms", latencyAtHighestLoad().p99Ms());
        map.put("latency_p999_ms", latencyAtHighestLoad().p999Ms());
        map.put("guarantee", BenchClients.GUARANTEE);
        map.put("latency", steadyLatency.stream().map(LoadLatency::toMap).toList());
        map.put("cold_start", coldStart.toMap());
        putCpu(map, "cpu_us_per_record", costs.appCpu(), "cpu_ratio");
        putCpu(map, "stream_thread_cpu_us_per_record", costs.streamThreadCpu(), "stream_thread_cpu_ratio");
        putCpu(map, "process_cpu_us_per_record", costs.processCpu(), "process_cpu_ratio");
        costs.serviceCpu().forEach((kind, cpu) -> {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT) + "_cpu_us_per_record";
            map.put("passthrough_" + name, hundredths(cpu.passthroughMedian()));
            map.put("detector_" + name, hundredths(cpu.detectorMedian()));
        });
        map.put("passthrough_bytes_per_record", Math.round(costs.bytesWritten().passthroughMedian()));
        map.put("detector_bytes_per_record", Math.round(costs.bytesWritten().detectorMedian()));
        map.put(
                "passthrough_changelog_bytes_per_record",
                Math.round(costs.changelogBytes().passthroughMedian()));
        map.put(
                "detector_changelog_bytes_per_record",
                Math.round(costs.changelogBytes().detectorMedian()));
        map.put("latency_base_rps", Math.round(latencyBaseRate));
        map.put(
                "passthrough_rps_rounds",
                Arrays.stream(rounds.passthrough()).mapToLong(Math::round).toArray());
        map.put(
                "detector_rps_rounds",
                Arrays.stream(rounds.detector()).mapToLong(Math::round).toArray());
        map.put(
                "passthrough_cpu_us_per_record_rounds",
                hundredths(costs.appCpu().passthrough()));
        map.put("detector_cpu_us_per_record_rounds", hundredths(costs.appCpu().detector()));
        map.put("warmup_rounds", warmupRounds);
        map.put("records", records);
        map.put("streams_settings", new java.util.TreeMap<>(streamsSettings));
        map.put("subject", subject);
        map.put("detector_settings", new java.util.TreeMap<>(detectorSettings));
        map.put("cpus", Runtime.getRuntime().availableProcessors());
        map.put("java", System.getProperty("java.version"));
        map.put("jvm_options", ManagementFactory.getRuntimeMXBean().getInputArguments());
        map.put("heap_max_mb", Runtime.getRuntime().maxMemory() >> 20);
        return map;
    }

    /** Both subjects' median CPU per record under {@code passthrough_<name>} and {@code detector_<name>}, and their ratio. */
    private static void putCpu(Map<String, Object> map, String name, Rounds cpu, String ratioName) {
        map.put("passthrough_" + name, hundredths(cpu.passthroughMedian()));
        map.put("detector_" + name, hundredths(cpu.detectorMedian()));
        map.put(ratioName, thousandths(cpu.passthroughMedian() / cpu.detectorMedian()));
    }

    /** Rounded to 0.01; NaN (not measured: no record processed in the timed span) stays NaN. */
    private static double hundredths(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
    }

    private static double thousandths(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 1000) / 1000.0;
    }

    private static double[] hundredths(double[] values) {
        return Arrays.stream(values).map(BenchResult::hundredths).toArray();
    }

    /** The report as indented JSON. */
    public String toJson() throws IOException {
        return MAPPER.writeValueAsString(toMap());
    }

    /** Writes the report to {@code file}. */
    public void write(Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), toMap());
    }
}
