package dev.vigil.detector.decision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScoreHistoryTest {
    @Test
    void keepsWhatTheThresholdsDidNotLearnAndWhatExceededTheExitThreshold() {
        ScoreHistory history = new ScoreHistory(8);
        history.record(1, 0.2, true, 1.0);
        history.record(2, 1.5, true, 1.0);
        history.record(3, 0.3, false, 1.0);
        assertEquals(2, history.size());
        assertEquals(3, history.clock());
        var stretch = history.take(0, 10);
        assertEquals(1.5, stretch.maxScore());
        assertArrayEquals(new double[] {0.3}, stretch.unlearned());
    }

    @Test
    void aFullRingKeepsTheNewestReadings() {
        ScoreHistory history = new ScoreHistory(4);
        for (int t = 0; t < 10; t++) {
            history.record(t, t, false, 0);
        }
        assertEquals(4, history.size());
        assertArrayEquals(new double[] {6, 7, 8, 9}, history.take(0, 100).unlearned());
    }

    @Test
    void anotherModelDropsTheKeptReadingsButNotTheClock() {
        ScoreHistory history = new ScoreHistory(8);
        history.scoredBy("g", 1);
        history.record(10, 5, false, 0);
        history.scoredBy("g", 1);
        assertEquals(1, history.size());
        history.scoredBy("g", 2);
        assertEquals(0, history.size());
        assertEquals(10, history.clock());
    }

    @Test
    void aStretchTakesOnlyReadingsInsideItsBounds() {
        ScoreHistory history = new ScoreHistory(8);
        for (int t = 0; t < 6; t++) {
            history.record(t * 10, t, false, 0);
        }
        var stretch = history.take(10, 30);
        assertEquals(3, stretch.readings());
        assertEquals(3.0, stretch.maxScore());
        assertEquals(0, history.take(100, 200).readings());
    }
}
