package dev.vigil.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.nn.Gaussian;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.junit.jupiter.api.Test;

/**
 * The PCA model's T² limit is the F-distribution limit, and on Gaussian data with a known covariance
 * the share of fresh rows above it is the nominal α; the combined rules flag what each statistic sees.
 */
class PcaLimitsTest {
    private static final int D = 6;
    private static final int K = 3;
    /** Standard deviations along the six axes of the true covariance (before the fixed rotation). */
    private static final double[] SD = {5, 3, 2, 0.5, 0.3, 0.2};

    @Test
    void t2LimitIsTheFDistributionFormulaWithTabulatedQuantiles() {
        // F_0.95(3, 20) = 3.0984 and F_0.99(5, 10) = 5.6363 (standard F tables)
        assertEquals(3 * 22.0 * 24 / (23 * 20) * 3.0984, PcaLimits.t2(3, 23, 0.95), 1e-3);
        assertEquals(5 * 14.0 * 16 / (15 * 10) * 5.6363, PcaLimits.t2(5, 15, 0.99), 1e-3);
        // χ²_0.99(3) = 11.345 when no degrees of freedom are left
        assertEquals(11.345, PcaLimits.t2(3, 3, 0.99), 1e-3);
    }

    @Test
    void fittedLimitEqualsTheFormulaAndFreshGaussianRowsExceedItAtRateAlpha() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 2000;
        double q = 0.99;
        PcaModel pca = PcaModel.fit(gaussian(n, random), n, D, K);
        double expected = K
                * (n - 1.0)
                * (n + 1.0)
                / (n * (double) (n - K))
                * new FDistribution(null, K, n - K).inverseCumulativeProbability(q);
        assertEquals(expected, pca.t2Limit(q), 1e-9 * expected);
        int fresh = 20_000;
        int over = exceedances(pca, pca.t2Limit(q), gaussian(fresh, random), fresh);
        assertWithinBinomialBand(over, fresh, 1 - q);
    }

    /**
     * With 30 training rows the F limit (15.3 for k = 3) is far above χ²_0.99(3) = 11.3: averaged over
     * 200 training sets, the F limit keeps the nominal rate and the χ² one does not.
     */
    @Test
    void smallSamplesNeedTheFLimitNotTheChiSquaredApproximation() {
        SplittableRandom random = new SplittableRandom(12);
        int n = 30;
        double q = 0.99;
        double chi2 = new ChiSquaredDistribution(null, K).inverseCumulativeProbability(q);
        int overF = 0;
        int overChi2 = 0;
        int sets = 200;
        int perSet = 500;
        for (int s = 0; s < sets; s++) {
            PcaModel pca = PcaModel.fit(gaussian(n, random), n, D, K);
            float[] fresh = gaussian(perSet, random);
            overF += exceedances(pca, pca.t2Limit(q), fresh, perSet);
            overChi2 += exceedances(pca, chi2, fresh, perSet);
        }
        assertWithinBinomialBand(overF, sets * perSet, 1 - q);
        assertTrue(overChi2 > 2.0 * (1 - q) * sets * perSet, "χ² exceedances " + overChi2);
    }

    @Test
    void eachRuleFlagsWhatItsStatisticsSee() {
        SplittableRandom random = new SplittableRandom(13);
        int n = 2000;
        float[] train = gaussian(n, random);
        PcaModel pca = PcaModel.fit(train, n, D, K);
        InferenceModel plain = model(pca, ScoreHead.MeanError.PLAIN);
        float[] q = plain.score(train, n).score();
        float[] sorted = q.clone();
        Arrays.sort(sorted);
        float qLimit = sorted[(int) (0.99 * (n - 1))];
        float[] alongFirst = shifted(pca.components()[0], 6 * SD[0]);
        float[] alongLast = shifted(residualDirection(pca), 40 * SD[5]);
        for (PcaRule rule : PcaRule.values()) {
            InferenceModel m = model(pca, pca.scoreHead(0.99, rule).withQLimit(qLimit));
            float bigT2 = m.score(alongFirst, 1).score()[0];
            float bigQ = m.score(alongLast, 1).score()[0];
            assertEquals(rule == PcaRule.EITHER || rule == PcaRule.T2, bigT2 > 1, rule + " on a large T2: " + bigT2);
            assertEquals(rule == PcaRule.EITHER || rule == PcaRule.Q, bigQ > 1, rule + " on a large Q: " + bigQ);
        }
    }

    private static InferenceModel model(PcaModel pca, ScoreHead head) {
        float[] ones = new float[D];
        Arrays.fill(ones, 1f);
        return new InferenceModel(D, 1, new float[D], ones, pca.layers(), ones, head);
    }

    /** A unit vector orthogonal to the retained components (Gram–Schmidt on the last axis). */
    private static double[] residualDirection(PcaModel pca) {
        double[] v = new double[D];
        v[D - 1] = 1;
        v = rotate(v);
        for (double[] c : pca.components()) {
            double dot = 0;
            for (int j = 0; j < D; j++) {
                dot += v[j] * c[j];
            }
            for (int j = 0; j < D; j++) {
                v[j] -= dot * c[j];
            }
        }
        double norm = Math.sqrt(Arrays.stream(v).map(a -> a * a).sum());
        return Arrays.stream(v).map(a -> a / norm).toArray();
    }

    private static float[] shifted(double[] direction, double length) {
        float[] row = new float[D];
        for (int j = 0; j < D; j++) {
            row[j] = (float) (direction[j] * length);
        }
        return row;
    }

    private static int exceedances(PcaModel pca, double limit, float[] rows, int count) {
        int over = 0;
        for (int i = 0; i < count; i++) {
            over += pca.hotellingT2(Arrays.copyOfRange(rows, i * D, (i + 1) * D)) > limit ? 1 : 0;
        }
        return over;
    }

    /** Within 4 binomial standard deviations of n·α (a two-sided band of about 99.99 %). */
    private static void assertWithinBinomialBand(int count, int n, double alpha) {
        double mean = n * alpha;
        double sd = Math.sqrt(n * alpha * (1 - alpha));
        assertTrue(
                Math.abs(count - mean) < 4 * sd,
                count + " exceedances of " + n + ", expected " + mean + " ± " + 4 * sd);
    }

    /** Rows of N(0, R·diag(SD²)·Rᵀ) with a fixed rotation R. */
    private static float[] gaussian(int rows, SplittableRandom random) {
        float[] out = new float[rows * D];
        for (int i = 0; i < rows; i++) {
            double[] g = new double[D];
            for (int j = 0; j < D; j++) {
                g[j] = SD[j] * Gaussian.next(random);
            }
            double[] x = rotate(g);
            for (int j = 0; j < D; j++) {
                out[i * D + j] = (float) x[j];
            }
        }
        return out;
    }

    /** A fixed rotation: Givens rotations by 0.3, 0.5, ... radians on consecutive axis pairs. */
    private static double[] rotate(double[] v) {
        double[] x = v.clone();
        List<int[]> pairs =
                List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}, new int[] {3, 4}, new int[] {4, 5});
        double angle = 0.3;
        for (int[] p : pairs) {
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            double a = x[p[0]];
            double b = x[p[1]];
            x[p[0]] = c * a - s * b;
            x[p[1]] = s * a + c * b;
            angle += 0.2;
        }
        return x;
    }
}
