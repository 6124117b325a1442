package dev.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    private static BenchOptions withStreams(Map<String, String> settings) {
        return new BenchOptions(
                1000,
                0.2,
                0,
                1,
                2,
                10,
                List.of("f0"),
                Duration.ofSeconds(1),
                0,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                1L,
                settings);
    }

    @Test
    void extraStreamsSettingsReachEverySubjectsApplicationAndTheReport() throws Exception {
        BenchOptions options = withStreams(Map.of("producer.batch.size", "262144"));
        BenchClients clients = new BenchClients("localhost:9092", options.streamsSettings());

        var props = clients.streams("bench-x");

        assertEquals("262144", props.get("producer.batch.size"));
        assertEquals(BenchClients.GUARANTEE, props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        var report = new BenchResult(
                        new Rounds(new double[] {2}, new double[] {1}),
                        new Costs(
                                new Rounds(new double[] {4}, new double[] {5}),
                                new Rounds(new double[] {3}, new double[] {4}),
                                new Rounds(new double[] {9}, new double[] {10}),
                                new Rounds(new double[] {150}, new double[] {200}),
                                new Rounds(new double[] {0}, new double[] {20}),
                                Map.of(ServiceThreads.Kind.GC, new Rounds(new double[] {0.5}, new double[] {0.75}))),
                        0,
                        2,
                        List.of(new LoadLatency(0.5, 1, 1, 2, 3, 10)),
                        new ColdStart(1, 500, 1500, 100, 10),
                        1000,
                        options.streamsSettings(),
                        "detector",
                        Map.of("a", "b"))
                .toMap();
        assertEquals(Map.of("producer.batch.size", "262144"), report.get("streams_settings"));
        assertEquals(Map.of("a", "b"), report.get("detector_settings"));
        assertEquals("detector", report.get("subject"), "the report names what was measured against the baseline");
        assertEquals(0.8, report.get("cpu_ratio"), "pass-through CPU per record over the detector's");
        assertEquals(0.75, report.get("stream_thread_cpu_ratio"));
        assertEquals(0.9, report.get("process_cpu_ratio"));
        assertEquals(200L, report.get("detector_bytes_per_record"));
        assertEquals(20L, report.get("detector_changelog_bytes_per_record"));
        assertEquals(0.75, report.get("detector_gc_cpu_us_per_record"), "the garbage collector's share, by subject");
        assertEquals(0.5, report.get("passthrough_gc_cpu_us_per_record"));
        assertEquals(
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                report.get("jvm_options"),
                "heap settings change the figures: the report says which were in force");
        assertTrue((long) report.get("heap_max_mb") > 0);
        assertEquals(3.0, report.get("latency_p999_ms"), "the headline latency is the highest load's");
        assertEquals(1500L, ((Map<?, ?>) report.get("cold_start")).get("drained_ms"));
    }

    @Test
    void aColdStartHasDrainedFromTheLastRecordOverTheBound() {
        long ms = 1_000_000;
        var samples = List.of(
                new ColdStart.Sample(0, 900 * ms),
                new ColdStart.Sample(100 * ms, 800 * ms),
                new ColdStart.Sample(200 * ms, 50 * ms),
                new ColdStart.Sample(300 * ms, 40 * ms));
        assertEquals(100.0, ColdStart.drainedMillis(samples, 100 * ms));
        assertEquals(0.0, ColdStart.drainedMillis(samples, 1000 * ms), "never over the bound");
        assertTrue(Double.isNaN(ColdStart.drainedMillis(samples, 10 * ms)), "still over it at the end");
    }

    @Test
    void theProcessingGuaranteeCannotBeChangedForOneRun() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> withStreams(Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once")));
        assertTrue(e.getMessage().contains("guarantee"), e.getMessage());
    }
}
