package dev.vigil.detector.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.ScoreTail;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TailStateTest {
    private static final double RISK = 1e-3;

    private static float[] exponential(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = (float) -Math.log(1 - random.nextDouble());
        }
        return s;
    }

    private static TailState startedOn(float[] scores, int depth) {
        return TailState.from(ScoreTail.fit(scores, new int[] {scores.length}, depth, 128), 128);
    }

    /** Streams {@code scores} the way the decision stage does outside alerts; counts those above the threshold. */
    private static int alarms(TailState tail, double[] scores) {
        int alarms = 0;
        for (double s : scores) {
            double threshold = tail.threshold(RISK);
            alarms += s > threshold ? 1 : 0;
            tail.learn(s, threshold);
        }
        return alarms;
    }

    @Test
    void theRiskIsRespectedOnIndependentScoresWithinABinomialBound() {
        TailState tail = startedOn(exponential(10_000, 1), 0);
        float[] fresh = exponential(100_000, 2);
        double[] stream = new double[fresh.length];
        for (int i = 0; i < fresh.length; i++) {
            stream[i] = fresh[i];
        }
        int alarms = alarms(tail, stream);
        double expected = RISK * stream.length;
        // binomial sd 10; the threshold is itself an estimate from at most 128 peaks, which doubles it
        assertEquals(expected, alarms, 2 * 4 * Math.sqrt(expected), "alarms on 100,000 normal scores");
    }

    @Test
    void peaksStayBoundedAndTheRateKeepsItsEstimate() {
        TailState tail = startedOn(exponential(10_000, 3), 0);
        for (float s : exponential(50_000, 4)) {
            tail.learn(s, tail.threshold(RISK));
        }
        assertEquals(128, tail.peaks());
        assertEquals(0.02, tail.peaks() / tail.count(), 0.006, "peak rate");
    }

    @Test
    void theDriftVariantFollowsAGradualLevelShiftAndKeepsItsSensitivity() {
        float[] calm = exponential(5_000, 5);
        double[] drifting = ramp(0, 20, 20_000, 6); // the normal level climbs by 20 means
        TailState fixed = startedOn(calm, 0);
        TailState drift = startedOn(calm, 20);
        int fixedAlarms = alarms(fixed, drifting);
        int driftAlarms = alarms(drift, drifting);
        assertTrue(driftAlarms < 0.005 * drifting.length, "DSPOT follows the climb: " + driftAlarms + " alarms");
        double level = 20;
        assertTrue(
                drift.threshold(RISK) < level + 12, "DSPOT's threshold stays near the level: " + drift.threshold(RISK));
        assertTrue(
                fixed.threshold(RISK) > level + 12,
                "SPOT's tail swelled to let the climb through: " + fixed.threshold(RISK));
    }

    @Test
    void theDriftVariantStillAlarmsOnASpikeAfterAShift() {
        TailState tail = startedOn(exponential(5_000, 7), 20);
        double[] shifted = new double[2_000];
        float[] noise = exponential(shifted.length, 8);
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = 3 + noise[i] * (1 + i / 1000.0 * 0);
        }
        alarms(tail, ramp(0, 3, 500, 9));
        alarms(tail, shifted);
        assertTrue(tail.threshold(RISK) > 3 + 5, "the threshold sits above the new level");
        assertTrue(30 > tail.threshold(RISK), "and a spike of 30 is still above it: " + tail.threshold(RISK));
    }

    private static double[] ramp(double from, double to, int n, long seed) {
        float[] noise = exponential(n, seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = from + (to - from) * i / n + noise[i];
        }
        return out;
    }
}
