package dev.vigil.detector.decision;

/**
 * What an operator's false alarm teaches an entity's thresholds, as a pure function of its state
 * and the reported stretch {@code [from, to]} (event time). Two things change:
 *
 * <ol>
 *   <li>The estimate learns the stretch as normal data. The stretch's readings were left out (or,
 *       for the first anomalous one, learned only as censored at the threshold) because they looked
 *       anomalous; the operator says they were not, so leaving them out biased the estimate of the
 *       normal tail downwards. The EVT tail now takes their scores uncensored and refits, the
 *       adaptive quantile adds them: the threshold is what it would have been had the detector
 *       known they were normal. That alone does not promise the same scores stay below it, since
 *       a tail of a few hundred peaks moves little for a few dozen new ones.
 *   <li>A floor under the entry threshold, {@code floorMargin} (relative) above the stretch's
 *       highest score: the operator's statement "scores this high are normal here", so the same
 *       pattern, replayed with the small differences smoothing and noise bring, no longer alerts.
 *       The floor lives on the scale of the model in use and is dropped with everything else the
 *       entity learned when another model scores it; the next model has been trained on the
 *       stretch as normal data (the trainer reads the same feedback), so it needs no floor.
 * </ol>
 *
 * With {@code suppressMs} &gt; 0, the entity also opens no alert for that long (event time) after
 * its clock at the time the feedback applied; an alert open already runs its course. Feedback
 * applies only once the entity's clock has passed the stretch's end, so every reading of the
 * stretch has been scored; before that it is {@link Outcome#NOT_YET}.
 */
public final class FeedbackLearning {
    private final ThresholdPolicy policy;
    private final double floorMargin;
    private final long suppressMs;

    /** Whether feedback applied. */
    public enum Outcome {
        /** The stretch was learned. */
        APPLIED,
        /** The entity has not been scored up to the stretch's end yet. */
        NOT_YET
    }

    /**
     * @param policy the thresholds' policy (what an estimate can learn)
     * @param floorMargin the floor's margin above the stretch's highest score, relative (0: just above)
     * @param suppressMs event time the entity opens no alert after the feedback applied (0: none)
     */
    public FeedbackLearning(ThresholdPolicy policy, double floorMargin, long suppressMs) {
        if (floorMargin < 0 || suppressMs < 0) {
            throw new IllegalArgumentException("floor margin and suppression must not be negative");
        }
        this.policy = policy;
        this.floorMargin = floorMargin;
        this.suppressMs = suppressMs;
    }

    /** Teaches {@code state} that its readings in {@code [from, to]} were normal. */
    public Outcome falseAlarm(EntityState state, long from, long to) {
        ScoreHistory history = state.history();
        if (history.clock() < to) {
            return Outcome.NOT_YET;
        }
        ScoreHistory.Stretch stretch = history.take(from, to);
        policy.absorb(state.thresholds(), stretch.unlearned());
        if (stretch.readings() > 0) {
            state.thresholds().raiseFloor(above(stretch.maxScore()));
        }
        if (suppressMs > 0) {
            AlertState alert = state.alert();
            alert.cooldownUntil = Math.max(alert.cooldownUntil, saturatedSum(history.clock(), suppressMs));
        }
        return Outcome.APPLIED;
    }

    private double above(double score) {
        return Math.nextUp(score + Math.abs(score) * floorMargin);
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}
