package dev.vigil.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark harness counts FLOPs as documented and really trains (no timing asserted here). */
class TrainingThroughputTest {
    @Test
    void defaultModelFor32InputsCosts6656MatrixFlopsPerSample() {
        assertEquals(6656, new TrainingThroughput(64, 32, 1).flopsPerSample());
    }

    @Test
    void measurementCoversEveryRowOfEveryEpoch() {
        TrainingThroughput.Measurement m = new TrainingThroughput(2000, 32, 1).measure(2);
        assertEquals("32-16-8-16-32", m.layers());
        assertTrue(m.samplesPerSecond() > 0 && Double.isFinite(m.gflopsPerSecond()));
        assertEquals(2000 * 2 / m.seconds(), m.samplesPerSecond(), 1e-6 * m.samplesPerSecond());
    }
}
