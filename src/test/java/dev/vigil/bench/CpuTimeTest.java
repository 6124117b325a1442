package dev.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuTimeTest {
    private static final String APP = "bench-round0-detector";
    private static final String STREAM_THREAD = APP + "-6c1f0b7e-2a3d-4e5f-8a9b-0c1d2e3f4a5b-StreamThread-1";

    @Test
    void onlyTheApplicationsOwnStreamThreadsCountAsStreamThreads() {
        assertTrue(CpuTime.isStreamThread(STREAM_THREAD, APP));
        assertTrue(CpuTime.isStreamThread(APP + "-x-StreamThread-12", APP));
        assertFalse(CpuTime.isStreamThread("kafka-producer-network-thread | " + STREAM_THREAD + "-producer", APP));
        assertFalse(CpuTime.isStreamThread("vigil-scoring-0_0 of " + STREAM_THREAD, APP), "a helper named after it");
        assertFalse(CpuTime.isStreamThread(STREAM_THREAD.replace("round0", "round1"), APP), "another application's");
    }

    @Test
    void busyMarkedThreadsAccumulateCpuTimeAndTheProcessAtLeastAsMuch() {
        String marker = Thread.currentThread().getName();
        CpuTime before = CpuTime.now(marker, 100);
        CpuTime after = before;
        long sink = 0;
        while (after.threadNanos() - before.threadNanos() < 200_000_000L) {
            for (int i = 0; i < 1_000_000; i++) {
                sink += i % 7;
            }
            after = CpuTime.now(marker, 101);
        }
        assertTrue(sink > 0);
        double threadMicros = after.threadMicrosPerRecord(before);
        assertTrue(threadMicros >= 200_000, "200 ms of this thread's CPU for the one record: " + threadMicros);
        // the process clock may tick coarser than the thread clock: allow 10 %
        assertTrue(after.processMicrosPerRecord(before) >= 0.9 * threadMicros);
        assertEquals(0, after.streamThreadMicrosPerRecord(before), "the test thread is no stream thread");
    }

    @Test
    void withNoRecordProcessedInBetweenThereIsNoCostPerRecord() {
        CpuTime before = CpuTime.now("main", 7);
        assertTrue(Double.isNaN(CpuTime.now("main", 7).threadMicrosPerRecord(before)));
    }
}
