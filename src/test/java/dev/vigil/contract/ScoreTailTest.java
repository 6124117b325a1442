package dev.vigil.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScoreTailTest {
    private static float[] exponential(int n, double mean, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = (float) (-mean * Math.log(1 - random.nextDouble()));
        }
        return s;
    }

    @Test
    void theLevelLeavesTwoPercentOfPlentifulScoresAsPeaks() {
        ScoreTail tail = ScoreTail.fit(exponential(10_000, 1, 1), new int[] {10_000}, 0, 10_000);
        assertEquals(200, tail.excesses().length);
        assertEquals(-Math.log(0.02), tail.level(), 0.1);
        assertEquals(10_000, tail.count());
    }

    @Test
    void fewScoresLowerTheLevelToKeepTwentyPeaks() {
        ScoreTail tail = ScoreTail.fit(exponential(100, 1, 2), new int[] {100}, 0, 128);
        assertEquals(20, tail.excesses().length);
    }

    @Test
    void tooFewScoresGiveNoTail() {
        assertNull(ScoreTail.fit(exponential(12, 1, 2), new int[] {12}, 0, 128));
    }

    @Test
    void onlyTheNewestPeaksAreKeptAndTheCountShrinksWithThem() {
        float[] scores = exponential(10_000, 1, 4);
        ScoreTail all = ScoreTail.fit(scores, new int[] {10_000}, 0, 10_000);
        ScoreTail kept = ScoreTail.fit(scores, new int[] {10_000}, 0, 50);
        assertEquals(50, kept.excesses().length);
        assertEquals(10_000 * 50 / 200.0, kept.count());
        assertEquals(all.excesses()[199], kept.excesses()[49]);
    }

    @Test
    void theThresholdForARiskIsExceededAtThatRateOnFreshScores() {
        ScoreTail tail = ScoreTail.fit(exponential(10_000, 1, 5), new int[] {10_000}, 0, 10_000);
        double z = ScoreTail.threshold(tail.level(), tail.count(), tail.excesses().length, tail.pareto(), 1e-3);
        float[] fresh = exponential(200_000, 1, 6);
        long above = 0;
        for (float s : fresh) {
            above += s > z ? 1 : 0;
        }
        // 200 expected; the binomial sd is 14, and the threshold's own estimate from 200 peaks adds about as much
        assertEquals(200, above, 4 * Math.sqrt(200) * 2);
    }

    @Test
    void theDriftTailTakesResidualsOverTheMovingMeanOfEachRun() {
        float[] scores = exponential(400, 1, 7);
        float[] shifted = scores.clone();
        for (int i = 200; i < 400; i++) {
            shifted[i] += 100; // the second run sits at another level
        }
        int[] runs = {200, 200};
        ScoreTail tail = ScoreTail.fit(scores, runs, 4, 1000);
        ScoreTail ofShifted = ScoreTail.fit(shifted, runs, 4, 1000);
        assertEquals(4, tail.depth());
        assertEquals(2 * (200 - 4), tail.count());
        assertEquals(tail.level(), ofShifted.level(), 1e-4);
        assertArrayEquals(tail.excesses(), ofShifted.excesses(), 1e-4);
        double mean = 0;
        for (float s : shifted) {
            mean += s / 400.0;
        }
        assertArrayEquals(new double[] {mean}, ofShifted.recent(), 1e-6, "the moving mean starts at the mean score");
    }

    private static float[] repeat(float[] s, int times) {
        float[] out = new float[s.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(s, 0, out, i * s.length, s.length);
        }
        return out;
    }

    private static int[] runs(int count, int length) {
        int[] runs = new int[count];
        java.util.Arrays.fill(runs, length);
        return runs;
    }
}
