package dev.vigil.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DetectionMetricsTest {
    private static final double EPS = 1e-12;
    private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
    private static final boolean[] LABELS = {true, false, true, false, false, true};
    private static final boolean[] FLAGS = {true, true, false, false, false, true};

    @Test
    void thresholdMetricsMatchHandCountedConfusion() {
        DetectionMetrics m = DetectionMetrics.of(SCORES, LABELS, FLAGS);
        // TP = 2, FP = 1, FN = 1, TN = 2
        assertEquals(2.0 / 3, m.precision(), EPS);
        assertEquals(2.0 / 3, m.recall(), EPS);
        assertEquals(2.0 / (2 + (1 + 1) / 2.0), m.f1(), EPS);
        assertEquals(1.0 / 3, m.far(), EPS);
        assertEquals(1.0 / 3, m.mar(), EPS);
        assertEquals(6, m.rows());
        assertEquals(3, m.anomalies());
    }

    @Test
    void thresholdFreeMetricsMatchHandComputedValues() {
        DetectionMetrics m = DetectionMetrics.of(SCORES, LABELS, FLAGS);
        assertEquals(5.0 / 9, m.auroc(), EPS, "5 of 9 positive-negative pairs ordered right");
        assertEquals((1 + 2.0 / 3 + 3.0 / 6) / 3, m.auprc(), EPS, "mean precision at each hit");
        assertEquals(2.0 / 3, m.bestF1(), EPS, "best at t=0.7: TP 2, FP 1, FN 1");
        assertEquals(2.0 * 3 / (2 * 3 + 3), m.alwaysAlarmF1(), EPS);
    }

    @Test
    void perfectSeparationGivesAurocAndAuprcOfOne() {
        double[] scores = {5, 4, 3, 2, 1};
        boolean[] labels = {true, true, false, false, false};
        DetectionMetrics m = DetectionMetrics.of(scores, labels, labels);
        assertEquals(1.0, m.auroc(), EPS);
        assertEquals(1.0, m.auprc(), EPS);
        assertEquals(1.0, m.bestF1(), EPS);
        assertEquals(1.0, m.f1(), EPS);
    }

    @Test
    void reversedScoresGiveAurocZero() {
        double[] scores = {1, 2, 3, 4, 5};
        boolean[] labels = {true, true, false, false, false};
        assertEquals(0.0, DetectionMetrics.of(scores, labels, new boolean[5]).auroc(), EPS);
    }

    @Test
    void tiedScoresCountHalfAPair() {
        DetectionMetrics m = DetectionMetrics.of(new double[] {1, 1}, new boolean[] {true, false}, new boolean[2]);
        assertEquals(0.5, m.auroc(), EPS);
        assertEquals(0.5, m.auprc(), EPS, "both rows enter at the one threshold");
    }

    @Test
    void randomScoresGiveAurocNearOneHalfAndAuprcNearPrevalence() {
        Random random = new Random(42);
        int n = 200_000;
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextDouble();
            labels[i] = random.nextDouble() < 0.1;
        }
        DetectionMetrics m = DetectionMetrics.of(scores, labels, new boolean[n]);
        assertEquals(0.5, m.auroc(), 0.01);
        assertEquals(0.1, m.auprc(), 0.01);
    }

    @Test
    void unscoredRowsRankBelowEveryScore() {
        double[] scores = {Double.NaN, 0.1, 0.2};
        boolean[] labels = {false, true, true};
        assertEquals(1.0, DetectionMetrics.of(scores, labels, new boolean[3]).auroc(), EPS);
    }

    @Test
    void oneClassOnlyLeavesAurocUndefinedAndZeroDivisionsAtZero() {
        DetectionMetrics m = DetectionMetrics.of(new double[] {1, 2}, new boolean[2], new boolean[2]);
        assertTrue(Double.isNaN(m.auroc()));
        assertTrue(Double.isNaN(m.auprc()));
        assertEquals(0.0, m.precision());
        assertEquals(0.0, m.recall());
        assertEquals(0.0, m.far());
    }

    @Test
    void precisionRecallCurveStartsAtTheHighestScoreAndEndsAtFullRecall() {
        List<DetectionMetrics.PrPoint> curve = DetectionMetrics.precisionRecallCurve(SCORES, LABELS);
        assertEquals(6, curve.size());
        assertEquals(new DetectionMetrics.PrPoint(0.9, 1.0 / 3, 1.0), curve.get(0));
        assertEquals(1.0, curve.get(5).recall(), EPS);
        assertEquals(0.5, curve.get(5).precision(), EPS);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> DetectionMetrics.of(new double[2], new boolean[3], new boolean[3]));
    }
}
