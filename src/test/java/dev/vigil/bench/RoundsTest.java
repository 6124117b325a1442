package dev.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundsTest {
    @Test
    void eachSubjectsMedianIsTakenOverTheRoundsWhateverTheirOrder() {
        Rounds rounds = Rounds.of(List.of(new double[] {100, 60}, new double[] {90, 80}, new double[] {120, 70}));
        assertArrayEquals(new double[] {100, 90, 120}, rounds.passthrough());
        assertEquals(100, rounds.passthroughMedian());
        assertEquals(70, rounds.detectorMedian());
    }

    @Test
    void eachFigureOfTheRoundsFormsItsOwnRounds() {
        List<Throughput[]> rounds = List.of(
                new Throughput[] {
                    new Throughput(100, 2, 1, 5, 150, 0, java.util.Map.of()),
                    new Throughput(60, 3, 2, 8, 200, 0, java.util.Map.of())
                },
                new Throughput[] {
                    new Throughput(90, 1, 1, 4, 150, 0, java.util.Map.of()),
                    new Throughput(80, 4, 2, 9, 200, 0, java.util.Map.of())
                });
        Rounds cpu = Rounds.of(rounds, Throughput::appCpuMicros);
        assertArrayEquals(new double[] {2, 1}, cpu.passthrough());
        assertArrayEquals(new double[] {3, 4}, cpu.detector());
        assertEquals(2, Rounds.of(rounds, Throughput::streamThreadCpuMicros).detectorMedian());
        assertEquals(8.5, Rounds.of(rounds, Throughput::processCpuMicros).detectorMedian());
        assertEquals(200, Rounds.of(rounds, Throughput::bytesWritten).detectorMedian());
    }

    @Test
    void anEvenNumberOfRoundsAveragesTheMiddleTwo() {
        assertEquals(85, Rounds.median(new double[] {100, 70, 80, 90}));
        assertEquals(5, Rounds.median(new double[] {5}));
    }
}
