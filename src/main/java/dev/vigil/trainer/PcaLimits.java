package dev.vigil.trainer;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * The control limits of the PCA model's two statistics at quantile q (false-alarm rate α = 1 − q).
 *
 * <ul>
 *   <li>Hotelling's T² over k retained components fitted on n rows: the F-distribution limit for a
 *       new observation, {@code T²_q = k(n−1)(n+1) / (n(n−k)) · F_q(k, n−k)}; the χ²_q(k) limit
 *       (its large-n value) when n ≤ k leaves no degrees of freedom.
 *   <li>Q (the mean weighted squared residual): the empirical q-quantile of the held-out validation
 *       windows' Q, not the Jackson–Mudholkar formula, which assumes unweighted residuals of
 *       independent Gaussian rows; error weights and overlapping windows break both assumptions.
 * </ul>
 */
final class PcaLimits {
    /** The smallest Q limit used, so a model that rebuilds its validation windows exactly scores 0, not NaN. */
    static final float MIN_Q_LIMIT = 1e-12f;

    private PcaLimits() {}

    /** The T² limit at quantile {@code q} for {@code k} components fitted on {@code n} rows. */
    static double t2(int k, int n, double q) {
        if (n <= k) {
            return new ChiSquaredDistribution(null, k).inverseCumulativeProbability(q);
        }
        double f = new FDistribution(null, k, n - k).inverseCumulativeProbability(q);
        return k * (n - 1.0) * (n + 1.0) / (n * (double) (n - k)) * f;
    }

    /** {@code fitted} with its PCA head's Q limit set to the q-quantile of the validation windows' Q. */
    static ModelTrainer.Fitted withQLimit(ModelTrainer.Fitted fitted, WindowSet windows, double q) {
        InferenceModel model = fitted.model();
        if (!(model.head() instanceof ScoreHead.Pca pca)) {
            return fitted;
        }
        float[] errors = model.withHead(ScoreHead.MeanError.PLAIN)
                .score(windows.validation(), windows.validationRows())
                .score();
        double[] sorted = new double[errors.length];
        for (int i = 0; i < errors.length; i++) {
            sorted[i] = errors[i];
        }
        java.util.Arrays.sort(sorted);
        float limit = Math.max(MIN_Q_LIMIT, (float) Scaler.quantile(sorted, q));
        return new ModelTrainer.Fitted(model.withHead(pca.withQLimit(limit)), fitted.history());
    }
}
