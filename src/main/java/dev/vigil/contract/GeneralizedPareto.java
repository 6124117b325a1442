package dev.vigil.contract;

/**
 * A generalised Pareto distribution of excesses {@code y > 0} over a level, with shape γ and scale σ:
 * {@code P(Y > y) = (1 + γ y / σ)^(-1/γ)}, the exponential {@code exp(-y / σ)} at γ = 0. This is the
 * tail model of peaks-over-threshold (Pickands–Balkema–de Haan).
 *
 * <p>{@link #fit} is the maximum-likelihood fit through Grimshaw's reduction (Grimshaw 1993, as used
 * by SPOT, Siffer et al. 2017), extended to right-censored excesses: an excess known only to be
 * above {@code c} (a score above the threshold in force, whose size says nothing about normal data)
 * contributes {@code log P(Y > c)}. With {@code x = γ / σ}, m exact excesses y and censoring points
 * c, the likelihood is maximised in γ at {@code γ(x) = (Σ log(1 + x y) + Σ log(1 + x c)) / m}, which
 * leaves the one-parameter profile {@code ℓ(x) / m = -log(γ(x) / x) - mean(log(1 + x y)) - 1}; it is
 * maximised over a grid of both signs and refined by golden section. The shape is kept at or above
 * -0.5, where the maximum-likelihood estimate is regular; deterministic, no randomness.
 *
 * @param shape γ (0 = exponential tail, &gt; 0 heavy, &lt; 0 bounded)
 * @param scale σ &gt; 0
 */
public record GeneralizedPareto(double shape, double scale) {
    private static final double MIN_SHAPE = -0.5;
    private static final double NEAR_ZERO = 1e-9;

    /**
     * The maximum-likelihood fit to {@code excesses[0..count)}: a value {@code v >= 0} is an exact
     * excess, {@code v < 0} an excess censored at {@code -v} (known only to be larger). With fewer
     * than two exact excesses above zero the fit is the exponential of their mean.
     */
    public static GeneralizedPareto fit(double[] excesses, int count) {
        double max = 0, sum = 0;
        int exact = 0, positive = 0;
        for (int i = 0; i < count; i++) {
            double v = Math.abs(excesses[i]);
            max = Math.max(max, v);
            sum += v;
            exact += excesses[i] >= 0 ? 1 : 0;
            positive += excesses[i] > 0 ? 1 : 0;
        }
        if (max <= 0) {
            return new GeneralizedPareto(0, Double.MIN_NORMAL);
        }
        if (positive < 2) {
            return new GeneralizedPareto(0, sum / Math.max(1, exact));
        }
        return new Fit(excesses, count, exact, max, sum / exact).best();
    }

    /**
     * The excess {@code y} exceeded with probability {@code p} (0 &lt; p &lt;= 1): the tail quantile
     * {@code σ/γ (p^-γ - 1)}, {@code -σ log p} at γ = 0.
     */
    public double excessAt(double p) {
        if (Math.abs(shape) < NEAR_ZERO) {
            return -scale * Math.log(p);
        }
        return scale / shape * (Math.pow(p, -shape) - 1);
    }

    /** The profile likelihood of one sample and its maximisation. */
    private static final class Fit {
        private final double[] y;
        private final int n;
        private final int exact;
        private final double max;
        private final double mean;

        /** {@code mean}: the sum of all values (censored ones at their point) over the exact ones. */
        Fit(double[] y, int n, int exact, double max, double mean) {
            this.y = y;
            this.n = n;
            this.exact = exact;
            this.max = max;
            this.mean = mean;
        }

        GeneralizedPareto best() {
            double lowest = lowestX();
            double bestX = 0, bestL = likelihood(0);
            double[] grid = grid(lowest);
            int bestIndex = -1;
            for (int i = 0; i < grid.length; i++) {
                double l = likelihood(grid[i]);
                if (l > bestL) {
                    bestL = l;
                    bestX = grid[i];
                    bestIndex = i;
                }
            }
            if (bestIndex >= 0) {
                double lo = bestIndex > 0 ? grid[bestIndex - 1] : lowest;
                double hi = bestIndex < grid.length - 1 ? grid[bestIndex + 1] : grid[bestIndex] * 2;
                bestX = refine(Math.min(lo, hi), Math.max(lo, hi), bestX, bestL);
            }
            return atX(bestX);
        }

        /** The smallest x considered: where γ(x) reaches the shape floor, inside x &gt; -1/max. */
        private double lowestX() {
            double lo = -1 / max * (1 - 1e-9), hi = 0;
            if (gamma(lo) >= MIN_SHAPE) {
                return lo;
            }
            for (int i = 0; i < 60; i++) {
                double mid = (lo + hi) / 2;
                if (gamma(mid) < MIN_SHAPE) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return hi;
        }

        /** Ascending: negative x evenly from the lowest towards 0, positive x log-spaced over twelve decades of 1/mean. */
        private double[] grid(double lowest) {
            double[] grid = new double[24 + 49];
            for (int k = 0; k < 24; k++) {
                grid[k] = lowest * (24 - k) / 24.0;
            }
            for (int k = 0; k < 49; k++) {
                grid[24 + k] = Math.pow(10, (k - 24) / 4.0) / mean;
            }
            return grid;
        }

        private double refine(double lo, double hi, double bestX, double bestL) {
            final double ratio = (Math.sqrt(5) - 1) / 2;
            double a = lo, b = hi;
            double c = b - ratio * (b - a), d = a + ratio * (b - a);
            double lc = likelihood(c), ld = likelihood(d);
            for (int i = 0; i < 60 && b - a > 1e-12 * Math.max(1, Math.abs(b)); i++) {
                if (lc > ld) {
                    b = d;
                    d = c;
                    ld = lc;
                    c = b - ratio * (b - a);
                    lc = likelihood(c);
                } else {
                    a = c;
                    c = d;
                    lc = ld;
                    d = a + ratio * (b - a);
                    ld = likelihood(d);
                }
            }
            double x = (a + b) / 2;
            return likelihood(x) >= bestL ? x : bestX;
        }

        /** γ(x): the sum of log(1 + x v) over every value, exact or censored, per exact value. */
        private double gamma(double x) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Log1p.of(x * Math.abs(y[i]));
            }
            return s / exact;
        }

        /**
         * Log-likelihood per exact value at x (the exponential's at x = 0). One pass gives both γ(x)
         * and the mean of log(1 + x y) over the exact values: the same sums, in the same order, as
         * two.
         */
        private double likelihood(double x) {
            if (Math.abs(x) < NEAR_ZERO / mean) {
                return -Math.log(mean) - 1;
            }
            double all = 0, exactOnly = 0;
            for (int i = 0; i < n; i++) {
                double term = Log1p.of(x * Math.abs(y[i]));
                all += term;
                exactOnly += y[i] >= 0 ? term : 0;
            }
            double g = all / exact;
            if (g < MIN_SHAPE || g / x <= 0) {
                return Double.NEGATIVE_INFINITY;
            }
            return -Math.log(g / x) - exactOnly / exact - 1;
        }

        private GeneralizedPareto atX(double x) {
            if (Math.abs(x) < NEAR_ZERO / mean) {
                return new GeneralizedPareto(0, mean);
            }
            double g = gamma(x);
            return new GeneralizedPareto(g, g / x);
        }
    }
}
