package dev.vigil.trainer.service;

import dev.vigil.contract.ScoreSmoothing;
import java.util.Arrays;

/**
 * Decides whether a trained candidate replaces the model in use. Both are shadow-scored on recent
 * held-out windows; the comparison set is the windows the model in use calls normal (score at or
 * below its anomaly threshold). The candidate passes when it scores every window finite, its
 * false-alarm rate on the comparison set (share above its own threshold) is within the budget, and
 * its mean error there is not worse than the current model's by more than the tolerance. Without
 * a model in use every held-out window is in the comparison set and only the first two checks apply.
 * A contender's scores are smoothed over each run of consecutive windows as its bundle asks, so they
 * meet its threshold on the scale the detector compares them on.
 *
 * @param falseAlarmBudget largest acceptable candidate false-alarm rate, in [0, 1]
 * @param errorTolerance relative slack on the mean error: candidate ≤ current · (1 + tolerance)
 * @param minWindows fewest comparison windows a decision may rest on
 */
public record CandidateGate(double falseAlarmBudget, double errorTolerance, int minWindows) {
    /**
     * A model as the gate sees it: how it scores windows (its anomaly score, compared with its
     * threshold for the false-alarm rate), its reconstruction error on a scale comparable between
     * models ({@code error}: squared error without the model's own per-feature error weights, which
     * make every model's score ≈ 1 on its own validation data; null when not available, and then the
     * error comparison is skipped), how the scores are obtained (reported in the decision for the
     * model in use), and the smoothing its threshold was calibrated for (span 1 for scores that are
     * already smoothed, like the ones the detector recorded).
     */
    public record Contender(
            ShadowScorer scorer,
            ShadowScorer error,
            double threshold,
            IncumbentScoring scoring,
            ScoreSmoothing smoothing) {
        /** A contender scored by its Java forward pass, without smoothing, whose score is its error. */
        public Contender(ShadowScorer scorer, double threshold) {
            this(scorer, scorer, threshold, IncumbentScoring.JAVA_FORWARD_PASS, new ScoreSmoothing(1));
        }

        double[] errors(HoldoutWindows holdout) {
            return error == null ? null : error.score(holdout.raw(), holdout.count());
        }

        double[] scores(HoldoutWindows holdout) {
            double[] scores = scorer.score(holdout.raw(), holdout.count());
            return smoothing.span() == 1 ? scores : smoothing.smooth(scores, holdout.segmentStarts());
        }
    }

    /** Judges {@code candidate} against {@code current} (null when no model is in use). */
    public GateDecision judge(HoldoutWindows holdout, Contender candidate, Contender current) {
        IncumbentScoring scoring = current == null ? IncumbentScoring.NOT_SCORED : current.scoring();
        double[] candidateScores = candidate.scores(holdout);
        if (Arrays.stream(candidateScores).anyMatch(s -> !Double.isFinite(s))) {
            return new Figures(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, scoring)
                    .decision(false, "the candidate scores some held-out windows non-finite");
        }
        double[] currentScores = current == null ? null : current.scores(holdout);
        boolean[] normal = comparisonSet(holdout.count(), currentScores, current);
        Figures figures = new Figures(
                count(normal),
                rateAbove(candidateScores, normal, candidate.threshold()),
                current == null ? Double.NaN : rateAbove(currentScores, normal, current.threshold()),
                mean(candidate.errors(holdout), normal),
                current == null ? Double.NaN : mean(current.errors(holdout), normal),
                scoring);
        return decide(figures, current != null);
    }

    private GateDecision decide(Figures f, boolean hasCurrent) {
        if (f.windows() < minWindows) {
            return f.decision(false, "only " + f.windows() + " comparison windows, fewer than " + minWindows);
        }
        if (f.candidateFar() > falseAlarmBudget) {
            return f.decision(
                    false,
                    String.format(
                            "candidate false-alarm rate %.4f exceeds the budget %.4f",
                            f.candidateFar(), falseAlarmBudget));
        }
        if (hasCurrent && f.candidateError() > f.currentError() * (1 + errorTolerance)) {
            return f.decision(
                    false,
                    String.format(
                            "candidate mean error %.6g is worse than the current %.6g beyond %.0f%%",
                            f.candidateError(), f.currentError(), errorTolerance * 100));
        }
        return f.decision(true, "candidate within the false-alarm budget and not worse than the model in use");
    }

    /** The figures a decision rests on. */
    private record Figures(
            int windows,
            double candidateFar,
            double currentFar,
            double candidateError,
            double currentError,
            IncumbentScoring scoring) {
        GateDecision decision(boolean accepted, String reason) {
            return new GateDecision(
                    accepted, reason, windows, candidateFar, currentFar, candidateError, currentError, scoring);
        }
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
        if (scores == null) {
            return Double.NaN;
        }
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
