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
    void anEvenNumberOfRoundsAveragesTheMiddleTwo() {
        assertEquals(85, Rounds.median(new double[] {100, 70, 80, 90}));
        assertEquals(5, Rounds.median(new double[] {5}));
    }
}
