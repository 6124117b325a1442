package dev.vigil.trainer.service;

import java.util.Arrays;

/**
 * Decides whether a trained candidate replaces the model in use. Both are shadow-scored on recent
 * held-out windows; the comparison set is the windows the model in use calls normal (score at or
 * below its anomaly threshold). The candidate passes when it scores every window finite, its
 * false-alarm rate on the comparison set (share above its own threshold) is within the budget, and
 * its mean error there is not worse than the current model's by more than the tolerance. Without
 * a model in use every held-out window is in the comparison set and only the first two checks apply.
 *
 * @param falseAlarmBudget largest acceptable candidate false-alarm rate, in [0, 1]
 * @param errorTolerance relative slack on the mean error: candidate ≤ current · (1 + tolerance)
 * @param minWindows fewest comparison windows a decision may rest on
 */
public record CandidateGate(double falseAlarmBudget, double errorTolerance, int minWindows) {
    /** A model as the gate sees it: how it scores windows and where its anomaly threshold lies. */
    public record Contender(ShadowScorer scorer, double threshold) {}

    /** Judges {@code candidate} against {@code current} (null when no model is in use). */
    public GateDecision judge(HoldoutWindows holdout, Contender candidate, Contender current) {
        double[] candidateScores = candidate.scorer().score(holdout.raw(), holdout.count());
        if (Arrays.stream(candidateScores).anyMatch(s -> !Double.isFinite(s))) {
            return refuse(
                    "the candidate scores some held-out windows non-finite",
                    0,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN);
        }
        double[] currentScores = current == null ? null : current.scorer().score(holdout.raw(), holdout.count());
        boolean[] normal = comparisonSet(holdout.count(), currentScores, current);
        int windows = count(normal);
        double candidateFar = rateAbove(candidateScores, normal, candidate.threshold());
        double currentFar = current == null ? Double.NaN : rateAbove(currentScores, normal, current.threshold());
        double candidateError = mean(candidateScores, normal);
        double currentError = current == null ? Double.NaN : mean(currentScores, normal);
        if (windows < minWindows) {
            return refuse(
                    "only " + windows + " comparison windows, fewer than " + minWindows,
                    windows,
                    candidateFar,
                    currentFar,
                    candidateError,
                    currentError);
        }
        if (candidateFar > falseAlarmBudget) {
            return refuse(
                    String.format(
                            "candidate false-alarm rate %.4f exceeds the budget %.4f", candidateFar, falseAlarmBudget),
                    windows,
                    candidateFar,
                    currentFar,
                    candidateError,
                    currentError);
        }
        if (current != null && candidateError > currentError * (1 + errorTolerance)) {
            return refuse(
                    String.format(
                            "candidate mean error %.6g is worse than the current %.6g beyond %.0f%%",
                            candidateError, currentError, errorTolerance * 100),
                    windows,
                    candidateFar,
                    currentFar,
                    candidateError,
                    currentError);
        }
        return new GateDecision(
                true,
                "candidate within the false-alarm budget and not worse than the model in use",
                windows,
                candidateFar,
                currentFar,
                candidateError,
                currentError);
    }

    private static GateDecision refuse(
            String reason,
            int windows,
            double candidateFar,
            double currentFar,
            double candidateError,
            double currentError) {
        return new GateDecision(false, reason, windows, candidateFar, currentFar, candidateError, currentError);
    }

    private static boolean[] comparisonSet(int count, double[] currentScores, Contender current) {
        boolean[] normal = new boolean[count];
        for (int i = 0; i < count; i++) {
            normal[i] =
                    current == null || (Double.isFinite(currentScores[i]) && currentScores[i] <= current.threshold());
        }
        return normal;
    }

    private static int count(boolean[] normal) {
        int n = 0;
        for (boolean b : normal) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static double rateAbove(double[] scores, boolean[] normal, double threshold) {
        int n = 0;
        int above = 0;
        for (int i = 0; i < scores.length; i++) {
            if (normal[i]) {
                n++;
                above += scores[i] > threshold ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : (double) above / n;
    }

    private static double mean(double[] scores, boolean[] normal) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (normal[i]) {
                sum += scores[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
