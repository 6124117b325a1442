package dev.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    @Test
    void percentilesOfOneToAHundredMillisecondsAreTheirRanks() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int ms = 1; ms <= 100; ms++) {
            recorder.recordNanos(ms * 1_000_000L);
        }
        assertEquals(100, recorder.count());
        assertEquals(50.0, recorder.percentileMillis(50), 0.05);
        assertEquals(99.0, recorder.percentileMillis(99), 0.1);
    }

    @Test
    void negativeLatenciesFromClockSkewCountAsTheSmallestValue() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.recordNanos(-5);
        assertEquals(0.001, recorder.percentileMillis(100), 1e-9);
    }
}
