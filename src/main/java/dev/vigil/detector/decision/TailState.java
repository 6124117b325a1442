package dev.vigil.detector.decision;

import dev.vigil.contract.GeneralizedPareto;
import dev.vigil.contract.ScoreTail;

/**
 * One entity's streaming peaks-over-threshold state (SPOT; DSPOT when {@code depth} &gt; 0): it starts
 * from a bundle's {@link ScoreTail} and learns every score it is shown after that (the decision
 * stage shows it the scores of quiet entities only, see {@link ThresholdPolicy}). The variable is the
 * score, or the score minus the mean of the last {@code depth} learned scores at or below the
 * threshold. A value above the level adds its excess to a ring of at most {@code capacity} peaks (the
 * oldest leaves, and the count shrinks with it so the peak rate keeps its estimate). A score above
 * the threshold counts as an excess censored at the threshold: it says the tail reaches that far, but
 * its size, which may be an anomaly's, is not learned; without it, a tail learned only from what it
 * let through would grow lighter with every refit and alarm ever more often. The generalised Pareto
 * tail is refitted once {@value #REFIT_PEAKS} peaks (or a sixteenth of them, if more) are new, so an
 * anomaly that builds up under the threshold moves it only after the alert rules had their chance.
 * Mutable; encoded by {@link EntityStateCodec}.
 */
public final class TailState {
    /** Fewest new peaks between two fits. */
    static final int REFIT_PEAKS = 8;

    final int depth;
    final double level;
    double count;
    final double[] peaks;
    int peakCount;
    int peakHead;
    final double[] recent;
    int recentCount;
    int recentHead;
    private double recentSum;
    double shape;
    double scale;
    int sinceFit;

    TailState(int depth, double level, int capacity) {
        this.depth = depth;
        this.level = level;
        this.peaks = new double[capacity];
        this.recent = new double[depth];
    }

    /** A state starting from {@code tail}, keeping at most {@code capacity} peaks. */
    public static TailState from(ScoreTail tail, int capacity) {
        TailState state = new TailState(tail.depth(), tail.level(), capacity);
        double[] excesses = tail.excesses();
        int skip = Math.max(0, excesses.length - capacity);
        for (int i = skip; i < excesses.length; i++) {
            state.pushPeak(excesses[i]);
        }
        state.count = tail.count() * state.peakCount / Math.max(1, excesses.length);
        for (double s : tail.recent()) {
            state.pushRecent(s);
        }
        state.refit();
        return state;
    }

    /** The entry threshold on the score for {@code risk}. */
    public double threshold(double risk) {
        var tail = new GeneralizedPareto(shape, scale);
        return base() + ScoreTail.threshold(level, count, Math.max(1, peakCount), tail, risk);
    }

    /** The level on the score: the bottom of the modelled tail. */
    public double levelOnScore() {
        return base() + level;
    }

    /** Learns a score that was judged against {@code threshold}. */
    public void learn(double score, double threshold) {
        double base = base();
        count++;
        if (score > threshold) {
            addPeak(-Math.max(threshold - base - level, Double.MIN_NORMAL));
            return;
        }
        if (score - base > level) {
            addPeak(score - base - level);
        }
        if (depth > 0) {
            pushRecent(score);
        }
    }

    /**
     * Learns a score an operator called normal (a false alarm), uncensored whatever the threshold
     * was: one more value behind the tail and, above the level, its full excess as a peak. Call
     * {@link #refit()} after the last one so the threshold moves at once.
     */
    public void absorb(double score) {
        double base = base();
        count++;
        if (score - base > level) {
            addPeak(score - base - level);
        }
        if (depth > 0) {
            pushRecent(score);
        }
    }

    /** Peaks kept now. */
    public int peaks() {
        return peakCount;
    }

    /** Values behind the tail now (scaled as peaks leave). */
    public double count() {
        return count;
    }

    private double base() {
        return recentCount == 0 ? 0 : recentSum / recentCount;
    }

    private void addPeak(double excess) {
        if (peakCount == peaks.length) {
            count *= (peakCount - 1) / (double) peakCount;
        }
        pushPeak(excess);
        if (++sinceFit >= Math.max(REFIT_PEAKS, peakCount / 16)) {
            refit();
        }
    }

    void pushPeak(double excess) {
        peaks[peakHead] = excess;
        peakHead = (peakHead + 1) % peaks.length;
        peakCount = Math.min(peakCount + 1, peaks.length);
    }

    void pushRecent(double score) {
        recentSum += score - (recentCount == recent.length ? recent[recentHead] : 0);
        recent[recentHead] = score;
        recentHead = (recentHead + 1) % recent.length;
        recentCount = Math.min(recentCount + 1, recent.length);
    }

    /** Fits the generalised Pareto tail to the peaks kept now. */
    public void refit() {
        GeneralizedPareto fit = GeneralizedPareto.fit(peaks, peakCount);
        shape = fit.shape();
        scale = fit.scale();
        sinceFit = 0;
    }
}
