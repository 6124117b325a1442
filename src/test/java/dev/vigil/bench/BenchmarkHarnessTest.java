package dev.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The harness end to end on a real broker, with the pass-through standing in as the measured subject. */
class BenchmarkHarnessTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @Test
    void bothSubjectsAreMeasuredOnOneBrokerAndTheReportHasTheAgreedKeys(@TempDir Path dir) throws Exception {
        BenchOptions options = new BenchOptions(
                20_000,
                0.2,
                1,
                2,
                2,
                10,
                List.of("f0", "f1"),
                Duration.ofSeconds(1),
                2000,
                Duration.ofSeconds(2),
                Duration.ofSeconds(60),
                7L,
                // frequent commits, so output shows up while the run is still processing and the
                // timed span holds processing to measure (20,000 records take a few commits)
                Map.of("commit.interval.ms", "20"));
        BenchResult result = new Benchmark(options).run(KAFKA.embedded(), BenchSubject.passThrough());
        Path file = dir.resolve("bench.json");
        result.write(file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());

        for (String key : List.of("passthrough_rps", "detector_rps", "ratio", "latency_p50_ms", "latency_p99_ms")) {
            assertTrue(json.get(key).asDouble() > 0, key + " measured");
        }
        assertEquals("exactly_once_v2", json.get("guarantee").asText());
        LoadLatency half = result.latencyAtHighestLoad();
        assertTrue(half.p999Ms() >= half.p99Ms() && half.p99Ms() >= half.p50Ms(), half.toString());
        assertEquals(2, json.get("latency").size(), "a quarter and half of the maximum");
        assertEquals(500, json.get("latency").get(0).get("rate_rps").asInt(), "a quarter of --latency-rate");
        assertEquals(1000, json.get("latency").get(1).get("rate_rps").asInt());
        assertEquals(1000, json.get("latency").get(1).get("records").asInt(), "1 s at 1000/s");
        JsonNode cold = json.get("cold_start");
        assertTrue(cold.get("first_scored_ms").asDouble() > 0, cold.toString());
        assertEquals(2000, cold.get("records").asInt(), "2 s at 1000/s, every record scored: " + cold);
        assertEquals(
                result.detectorRps() / result.passthroughRps(),
                json.get("ratio").asDouble(),
                1e-3);
        assertEquals(2, json.get("detector_rps_rounds").size(), "one figure per measured round");
        assertEquals(1, json.get("warmup_rounds").asInt());
        assertEquals(2000, json.get("latency_base_rps").asInt(), "the latency loads' base as asked");
        double ownCpu = json.get("detector_cpu_us_per_record").asDouble();
        double processCpu = json.get("detector_process_cpu_us_per_record").asDouble();
        assertTrue(ownCpu > 0, "the subject's own threads did work: " + ownCpu);
        assertTrue(processCpu > ownCpu, "the process did more than the subject's threads: " + processCpu);
        double streamThreadCpu =
                json.get("detector_stream_thread_cpu_us_per_record").asDouble();
        assertTrue(
                streamThreadCpu > 0 && streamThreadCpu < ownCpu,
                "the stream thread is one of the subject's threads: " + streamThreadCpu + " of " + ownCpu);
        assertEquals(2, json.get("detector_cpu_us_per_record_rounds").size());
        for (String kind : new String[] {"gc", "jit", "rocksdb"}) {
            JsonNode service = json.get("detector_" + kind + "_cpu_us_per_record");
            assertTrue(
                    service.isNull() || (service.asDouble() >= 0 && service.asDouble() < processCpu),
                    kind + " threads are a part of the process: " + service);
        }
        assertEquals(
                json.get("passthrough_cpu_us_per_record").asDouble() / ownCpu,
                json.get("cpu_ratio").asDouble(),
                0.01);
    }

    @Test
    void aSoakSamplesHeapAndRateAtEachIntervalAndCountsNoErrorsForAHealthySubject() throws Exception {
        BenchReadings readings = new BenchReadings(List.of("f0"), 5, 3L);
        SoakResult soak = new SoakRun(KAFKA.embedded(), readings, 1)
                .run(BenchSubject.passThrough(), 500, Duration.ofSeconds(4), Duration.ofSeconds(1));
        assertTrue(soak.samples().size() >= 3, "samples: " + soak.samples());
        assertTrue(soak.received() > 0 && soak.received() <= soak.sent());
        assertEquals(0, soak.errors());
        assertTrue(soak.samples().stream().allMatch(s -> s.heapAfterGcMb() >= 0));
    }
}
