package dev.vigil.trainer.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {
    private static Segment segment(int rows, long version) {
        double[][] values = new double[rows][];
        double[] scores = new double[rows];
        long[] versions = new long[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = new double[] {i, 100 + i};
            scores[i] = i / 10.0;
            versions[i] = version;
        }
        return new Segment("e", values, scores, versions);
    }

    @Test
    void theMostRecentRecordsOfEachSegmentAreHeldOutAsWholeWindows() {
        HoldoutSplit split = HoldoutSplit.of(List.of(segment(10, 3)), 2, 0.3, 3);

        assertEquals(7, split.training().get(0).length);
        assertEquals(2, split.holdout().count());
        assertArrayEquals(
                new float[] {7, 107, 8, 108, 8, 108, 9, 109}, split.holdout().raw());
        assertArrayEquals(new double[] {0.8, 0.9}, split.holdout().currentScores());
    }

    @Test
    void eachSegmentsHeldOutWindowsFormOneRunForSmoothing() {
        HoldoutSplit split = HoldoutSplit.of(List.of(segment(10, 3), segment(10, 3)), 2, 0.3, 3);

        assertArrayEquals(
                new boolean[] {true, false, true, false}, split.holdout().segmentStarts());
    }

    @Test
    void windowsScoredByAnotherVersionCarryNoCurrentScore() {
        HoldoutSplit split = HoldoutSplit.of(List.of(segment(10, 2)), 1, 0.2, 3);

        assertTrue(Double.isNaN(split.holdout().currentScores()[0]));
    }
}
