package dev.vigil.contract;

import dev.vigil.contract.avro.Tail;
import java.util.Arrays;
import java.util.List;

/**
 * The upper tail of a model's scores, for peaks-over-threshold thresholds (SPOT and its drift variant
 * DSPOT, Siffer et al., KDD 2017). The variable is the score itself ({@code depth} 0) or, for DSPOT,
 * the score minus the mean of the {@code depth} scores before it. Values above {@code level} are
 * peaks; their excesses follow a {@link GeneralizedPareto} tail, and the threshold for a risk
 * {@code r} (the probability that a normal value exceeds it) is
 * {@code level + excessAt(r · count / peaks)}.
 *
 * <p>The trainer fits one on its validation scores and ships it in the bundle; the detector starts
 * every entity from it and keeps learning. The level sits at the (1 - {@value #PEAK_SHARE}) quantile,
 * lowered so that there are at least {@value #MIN_PEAKS} peaks when scores are few (never more than a
 * quarter of them); at most {@code maxPeaks} of the most recent excesses are kept, {@code count}
 * scaled with them so that the peak rate stays what it was.
 *
 * @param depth 0, or the number of previous scores whose mean the residual is taken from
 * @param level the level t, on the variable
 * @param count values behind the tail (n), possibly scaled
 * @param excesses excesses over t, oldest first
 * @param recent the seed of the moving mean: the mean validation score (empty at depth 0); a bundle
 *     of a group scores many entities, so no one entity's last scores are the right start
 */
public record ScoreTail(int depth, double level, double count, double[] excesses, double[] recent) {
    /** Share of values above the level when values are plentiful. */
    public static final double PEAK_SHARE = 0.02;
    /** Fewest peaks the level is lowered to keep. */
    public static final int MIN_PEAKS = 20;
    /** Fewest peaks a tail is fitted on at all. */
    public static final int FEWEST_PEAKS = 5;
    /** Most excesses a bundle's tail keeps. */
    public static final int MAX_PEAKS = 128;

    /** Copies the arrays. */
    public ScoreTail {
        excesses = excesses.clone();
        recent = recent.clone();
    }

    /**
     * The tail of {@code scores}: runs of consecutive scores of {@code counts[i]} each, in time order
     * (the moving mean of DSPOT restarts with each run). Null when too few values are left for
     * {@value #FEWEST_PEAKS} peaks.
     */
    public static ScoreTail fit(float[] scores, int[] counts, int depth, int maxPeaks) {
        double[] values = variable(scores, counts, depth);
        int peaks = peakCount(values.length);
        if (peaks < FEWEST_PEAKS) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double level = sorted[values.length - peaks - 1];
        double[] excesses =
                Arrays.stream(values).filter(v -> v > level).map(v -> v - level).toArray();
        if (excesses.length < FEWEST_PEAKS) {
            return null;
        }
        int kept = Math.min(excesses.length, maxPeaks);
        double count = values.length * (double) kept / excesses.length;
        double[] newest = Arrays.copyOfRange(excesses, excesses.length - kept, excesses.length);
        return new ScoreTail(depth, level, count, newest, seed(scores, depth));
    }

    /** The tail a bundle carries. */
    public static ScoreTail of(Tail tail) {
        return new ScoreTail(
                tail.getDepth(),
                tail.getLevel(),
                tail.getCount(),
                tail.getExcesses().stream().mapToDouble(Double::doubleValue).toArray(),
                tail.getRecent().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** This tail as a bundle carries it, fitted on {@code scores} validation scores. */
    public Tail toAvro(long scores) {
        return new Tail(depth, level, count, scores, boxed(excesses), boxed(recent));
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /** Peaks for {@code n} values: the peak share, at least {@value #MIN_PEAKS}, at most a quarter. */
    static int peakCount(int n) {
        return Math.min(Math.max((int) Math.round(n * PEAK_SHARE), MIN_PEAKS), n / 4);
    }

    /** The tail fitted to the excesses. */
    public GeneralizedPareto pareto() {
        return GeneralizedPareto.fit(excesses, excesses.length);
    }

    /**
     * The threshold on the variable for {@code risk} under {@code tail}: the level when the risk is
     * not below the peak rate (the tail model says nothing there).
     */
    public static double threshold(double level, double count, int peaks, GeneralizedPareto tail, double risk) {
        double p = risk * count / peaks;
        return p >= 1 ? level : level + tail.excessAt(p);
    }

    private static double[] variable(float[] scores, int[] counts, int depth) {
        double[] out = new double[scores.length];
        int n = 0, start = 0;
        for (int c : counts) {
            double sum = 0;
            for (int i = 0; i < c; i++) {
                double s = scores[start + i];
                if (depth == 0) {
                    out[n++] = s;
                    continue;
                }
                if (i >= depth) {
                    out[n++] = s - sum / depth;
                    sum -= scores[start + i - depth];
                }
                sum += s;
            }
            start += c;
        }
        return Arrays.copyOf(out, n);
    }

    private static double[] seed(float[] scores, int depth) {
        if (depth == 0 || scores.length == 0) {
            return new double[0];
        }
        double sum = 0;
        for (float s : scores) {
            sum += s;
        }
        return new double[] {sum / scores.length};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreTail t
                && depth == t.depth
                && Double.compare(level, t.level) == 0
                && Double.compare(count, t.count) == 0
                && Arrays.equals(excesses, t.excesses)
                && Arrays.equals(recent, t.recent);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(excesses) + Double.hashCode(level) + depth;
    }

    @Override
    public String toString() {
        return "ScoreTail[depth=" + depth + ", level=" + level + ", count=" + count + ", peaks=" + excesses.length
                + "]";
    }
}
