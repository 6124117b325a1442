package dev.vigil.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.trainer.service.CandidateGate.Contender;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CandidateGateTest {
    private static final int ROWS = 500;
    private final CandidateGate gate = new CandidateGate(0.02, 0.10, 100);
    private final HoldoutWindows holdout = windows(ROWS, 7);

    /** Rows of two features drawn around (20, 1). */
    private static HoldoutWindows windows(int rows, long seed) {
        Random random = new Random(seed);
        float[] raw = new float[rows * 2];
        for (int i = 0; i < rows; i++) {
            raw[2 * i] = (float) (20 + random.nextGaussian());
            raw[2 * i + 1] = (float) (1 + 0.1 * random.nextGaussian());
        }
        double[] none = new double[rows];
        Arrays.fill(none, Double.NaN);
        return new HoldoutWindows(raw, rows, 2, none);
    }

    /** Squared z-distance from (20, 1) times {@code gain}: a model whose error grows with the distance. */
    private static ShadowScorer distance(double gain) {
        return (raw, count) -> {
            double[] scores = new double[count];
            for (int i = 0; i < count; i++) {
                double a = raw[2 * i] - 20;
                double b = (raw[2 * i + 1] - 1) / 0.1;
                scores[i] = gain * (a * a + b * b) / 2;
            }
            return scores;
        };
    }

    /** The distance model with a threshold calibrated for scores smoothed with span {@code span}. */
    private static Contender smoothed(double threshold, int span) {
        return new Contender(
                distance(1.0), distance(1.0), threshold, IncumbentScoring.JAVA_FORWARD_PASS, new ScoreSmoothing(span));
    }

    @Test
    void aCandidateIsJudgedOnTheSmoothedScoresItsThresholdWasCalibratedFor() {
        // Raw scores are Exp(1): 8 % exceed 2.5, over the budget; their span-9 moving average rarely does.
        GateDecision raw = gate.judge(holdout, smoothed(2.5, 1), null);
        GateDecision smooth = gate.judge(holdout, smoothed(2.5, 9), null);

        assertFalse(raw.accepted());
        assertTrue(raw.candidateFalseAlarmRate() > 0.05, "raw FAR " + raw.candidateFalseAlarmRate());
        assertTrue(smooth.accepted(), smooth.reason());
        assertTrue(smooth.candidateFalseAlarmRate() < 0.005, "smoothed FAR " + smooth.candidateFalseAlarmRate());
    }

    @Test
    void smoothingRestartsAtEveryRunOfConsecutiveWindows() {
        boolean[] everyWindowARun = new boolean[ROWS];
        Arrays.fill(everyWindowARun, true);
        var isolated = new HoldoutWindows(holdout.raw(), ROWS, 2, holdout.currentScores(), everyWindowARun);

        GateDecision decision = gate.judge(isolated, smoothed(2.5, 9), null);

        assertEquals(
                gate.judge(holdout, smoothed(2.5, 1), null).candidateFalseAlarmRate(),
                decision.candidateFalseAlarmRate(),
                1e-12);
    }

    @Test
    void errorsAreComparedWithoutEachModelsOwnErrorWeights() {
        // The candidate's score is its error weighted ×2 (as per-feature normalisation may do), with a
        // threshold to match; its plain reconstruction error equals the current model's.
        var weighted = new Contender(
                distance(2.0), distance(1.0), 12.0, IncumbentScoring.JAVA_FORWARD_PASS, new ScoreSmoothing(1));

        GateDecision decision = gate.judge(holdout, weighted, new Contender(distance(1.0), 6.0));

        assertTrue(decision.accepted(), decision.reason());
        assertEquals(decision.currentError(), decision.candidateError(), 1e-12);
    }

    @Test
    void withoutAComparableErrorForTheModelInUseOnlyTheFalseAlarmRateDecides() {
        var recorded = new Contender(distance(1.0), null, 6.0, IncumbentScoring.RECORDED_SCORES, new ScoreSmoothing(1));

        GateDecision decision = gate.judge(holdout, new Contender(distance(3.0), 18.0), recorded);

        assertTrue(decision.accepted(), decision.reason());
        assertTrue(Double.isNaN(decision.currentError()));
    }

    @Test
    void anEquallyGoodCandidateIsAccepted() {
        GateDecision decision =
                gate.judge(holdout, new Contender(distance(1.0), 6.0), new Contender(distance(1.0), 6.0));

        assertTrue(decision.accepted(), decision.reason());
        assertTrue(decision.windows() > 400, "windows " + decision.windows());
        assertEquals(decision.currentError(), decision.candidateError(), 1e-12);
    }

    @Test
    void aCandidateWithTwiceTheErrorIsRefused() {
        GateDecision decision =
                gate.judge(holdout, new Contender(distance(2.0), 12.0), new Contender(distance(1.0), 6.0));

        assertFalse(decision.accepted());
        assertTrue(decision.reason().contains("worse"), decision.reason());
        assertEquals(2.0, decision.candidateError() / decision.currentError(), 1e-9);
    }

    @Test
    void aCandidateThatAlarmsOnNormalDataIsRefused() {
        GateDecision decision =
                gate.judge(holdout, new Contender(distance(1.0), 0.5), new Contender(distance(1.0), 6.0));

        assertFalse(decision.accepted());
        assertTrue(decision.candidateFalseAlarmRate() > 0.02, decision.reason());
        assertTrue(decision.reason().contains("false-alarm"), decision.reason());
    }

    @Test
    void aCandidateScoringNonFiniteIsRefused() {
        ShadowScorer broken = (raw, count) -> {
            double[] scores = distance(1.0).score(raw, count);
            scores[3] = Double.POSITIVE_INFINITY;
            return scores;
        };

        assertFalse(gate.judge(holdout, new Contender(broken, 6.0), null).accepted());
    }

    @Test
    void withoutAModelInUseOnlyTheFalseAlarmBudgetApplies() {
        GateDecision decision = gate.judge(holdout, new Contender(distance(2.0), 16.0), null);

        assertTrue(decision.accepted(), decision.reason());
        assertEquals(ROWS, decision.windows());
        assertTrue(Double.isNaN(decision.currentError()));
    }

    @Test
    void tooFewComparisonWindowsAreRefused() {
        GateDecision decision = gate.judge(windows(50, 8), new Contender(distance(1.0), 6.0), null);

        assertFalse(decision.accepted());
        assertTrue(decision.reason().contains("fewer than 100"), decision.reason());
    }

    @Test
    void recordedScoresOfTheModelInUseDefineTheComparisonSet() {
        double[] recorded = distance(1.0).score(holdout.raw(), ROWS);
        recorded[0] = Double.NaN;
        HoldoutWindows withScores = new HoldoutWindows(holdout.raw(), ROWS, 2, recorded);
        ShadowScorer asRecorded = (raw, count) -> withScores.currentScores();

        GateDecision decision = gate.judge(
                withScores,
                new Contender(distance(1.0), 6.0),
                new Contender(asRecorded, null, 6.0, IncumbentScoring.RECORDED_SCORES, new ScoreSmoothing(1)));

        assertTrue(decision.accepted(), decision.reason());
        assertTrue(decision.windows() < ROWS);
        assertEquals(IncumbentScoring.RECORDED_SCORES, decision.currentScoring());
    }
}
