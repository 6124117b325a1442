package dev.vigil.detector.decision;

import dev.vigil.detector.models.ModelInfo;

/**
 * Chooses the thresholds for an entity: the model's global threshold; an adaptive per-entity
 * streaming quantile of its scores once it has {@code minSamples} of them; or an extreme-value
 * threshold (EVT: SPOT, or DSPOT with {@code drift}) from a per-entity tail that starts from the
 * bundle's validation tail and learns the entity's normal scores, for a false-alarm {@code risk} per
 * reading. Whatever an entity learned is re-based when another model scores it. A bundle without a
 * tail falls back to its global threshold in EVT mode.
 */
public final class ThresholdPolicy {
    /** Global (from the bundle), adaptive (per-entity quantile) or EVT (per-entity tail). */
    public enum Mode {
        GLOBAL,
        ADAPTIVE,
        EVT
    }

    /**
     * Settings of EVT mode.
     *
     * @param risk the probability that a normal score exceeds the threshold
     * @param drift the drift variant (DSPOT): excesses over a moving mean of recent normal scores
     * @param maxPeaks most peaks kept per entity
     */
    public record Evt(double risk, boolean drift, int maxPeaks) {
        /** The detector's defaults: risk 2e-3, no drift, 128 peaks. */
        public static final Evt DEFAULTS = new Evt(2e-3, false, 128);
    }

    private final Mode mode;
    private final double quantile;
    private final int minSamples;
    private final double exitRatio;
    private final Evt evt;

    /**
     * @param exitRatio exit threshold as a fraction of the entry threshold; 0 keeps the bundle's ratio
     *     (EVT: the tail's level)
     */
    public ThresholdPolicy(Mode mode, double quantile, int minSamples, double exitRatio, Evt evt) {
        this.mode = mode;
        this.quantile = quantile;
        this.minSamples = minSamples;
        this.exitRatio = exitRatio;
        this.evt = evt;
    }

    /** A policy with the default EVT settings. */
    public ThresholdPolicy(Mode mode, double quantile, int minSamples, double exitRatio) {
        this(mode, quantile, minSamples, exitRatio, Evt.DEFAULTS);
    }

    /** The quantile level adaptive thresholds track. */
    public double quantile() {
        return quantile;
    }

    /** Most peaks an entity's EVT tail keeps. */
    public int maxPeaks() {
        return evt.maxPeaks();
    }

    /** The limits for an entity with {@code state} scored by {@code model}; re-bases the state first. */
    public Limits limits(ThresholdState state, ModelInfo model) {
        rebase(state, model);
        Limits limits =
                switch (mode) {
                    case GLOBAL -> global(model);
                    case ADAPTIVE ->
                        state.quantile.count() >= minSamples ? withRatio(state.quantile.value(), model) : global(model);
                    case EVT -> state.tail == null ? global(model) : evt(state.tail);
                };
        return limits.entry() >= state.floor ? limits : new Limits(state.floor, limits.exit());
    }

    /** The limits for an entity whose score quantile estimate is {@code scores} (adaptive or global). */
    public Limits limits(P2Quantile scores, double globalEntry, double globalExit) {
        double entry = mode == Mode.ADAPTIVE && scores.count() >= minSamples ? scores.value() : globalEntry;
        return new Limits(entry, entry * ratio(globalEntry, globalExit));
    }

    /**
     * Feeds a score to the entity's estimate. Adaptive: until the entity has {@code minSamples}
     * scores every score is learned, so an entity whose normal level is above the global threshold
     * still learns it; after that, scores inside an open alert are left out. EVT: only the scores of
     * a quiet entity are learned, one with no open alert and no anomalous reading among its last n
     * before this one (under normal data this leaves out a few readings at random; in an episode it
     * leaves out everything from its first anomalous reading on, which is learned as censored at the
     * threshold, see {@link TailState}).
     *
     * @param alertOpen whether the entity's alert is open after this reading
     * @param quietBefore whether the entity was quiet before this reading
     * @return whether the score was learned as normal data (true when this mode or model learns
     *     nothing; false for a score the EVT tail learned only as censored at the threshold)
     */
    public boolean observe(ThresholdState state, double score, Limits limits, boolean alertOpen, boolean quietBefore) {
        if (mode != Mode.EVT) {
            return observe(state.quantile, score, alertOpen);
        }
        if (state.tail == null) {
            return true;
        }
        if (quietBefore) {
            state.tail.learn(score, limits.entry());
        }
        return quietBefore && score <= limits.entry();
    }

    /**
     * Feeds a score to an adaptive estimate (only adaptive mode keeps one); returns whether it was
     * learned (always true in global mode, which learns nothing).
     */
    public boolean observe(P2Quantile scores, double score, boolean alertOpen) {
        if (mode != Mode.ADAPTIVE) {
            return true;
        }
        if (!alertOpen || scores.count() < minSamples) {
            scores.add(score);
            return true;
        }
        return false;
    }

    /**
     * Learns scores an operator called normal (a false alarm) that the entity's estimate had left
     * out: the EVT tail takes them uncensored and refits at once; the adaptive quantile adds them;
     * global mode has nothing to learn.
     */
    public void absorb(ThresholdState state, double[] normalScores) {
        if (mode == Mode.ADAPTIVE) {
            for (double score : normalScores) {
                state.quantile.add(score);
            }
        } else if (mode == Mode.EVT && state.tail != null && normalScores.length > 0) {
            for (double score : normalScores) {
                state.tail.absorb(score);
            }
            state.tail.refit();
        }
    }

    private void rebase(ThresholdState state, ModelInfo model) {
        if (state.learnedUnder(model)) {
            return;
        }
        state.learnUnder(model);
        state.floor = Double.NEGATIVE_INFINITY;
        state.quantile = new P2Quantile(quantile);
        state.tail = mode == Mode.EVT
                ? model.tail(evt.drift())
                        .map(t -> TailState.from(t, evt.maxPeaks()))
                        .orElse(null)
                : null;
    }

    private Limits global(ModelInfo model) {
        return withRatio(model.anomalyThreshold(), model);
    }

    private Limits withRatio(double entry, ModelInfo model) {
        return new Limits(entry, entry * ratio(model.anomalyThreshold(), model.exitThreshold()));
    }

    private double ratio(double globalEntry, double globalExit) {
        return exitRatio > 0 ? exitRatio : globalEntry > 0 ? Math.min(1.0, globalExit / globalEntry) : 1.0;
    }

    private Limits evt(TailState tail) {
        double entry = tail.threshold(evt.risk());
        double exit = exitRatio > 0 ? entry * exitRatio : Math.min(entry, tail.levelOnScore());
        return new Limits(entry, exit);
    }
}
