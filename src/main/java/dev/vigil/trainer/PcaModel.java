package dev.vigil.trainer;

import dev.vigil.nn.Activation;
import java.util.List;

/**
 * Principal component analysis of scaled training rows, the linear baseline. The first k principal
 * directions (eigenvectors of the covariance, by Jacobi rotations) form a linear encoder
 * {@code t = (z - mean)·V} and decoder {@code ẑ = t·Vᵀ + mean}, exported like any autoencoder. The
 * score ({@link #scoreHead}) combines Hotelling's T² ({@code Σ t_j² / λ_j}, {@link #hotellingT2})
 * and Q (the squared prediction error divided by W·F, weighted when errors are normalised), each
 * divided by its limit ({@link PcaLimits}).
 */
final class PcaModel {
    private final double[] mean;
    private final double[][] components;
    private final double[] eigenvalues;
    private final int rows;

    private PcaModel(double[] mean, double[][] components, double[] eigenvalues, int rows) {
        this.mean = mean;
        this.components = components;
        this.eigenvalues = eigenvalues;
        this.rows = rows;
    }

    static PcaModel fit(float[] rows, int count, int width, int k) {
        double[] mean = new double[width];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < width; j++) {
                mean[j] += rows[i * width + j] / (double) count;
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(covariance(rows, count, width, mean));
        double[][] v = new double[k][];
        double[] values = new double[k];
        for (int c = 0; c < k; c++) {
            v[c] = eigen.vector(c);
            values[c] = eigen.value(c);
        }
        return new PcaModel(mean, v, values, count);
    }

    private static double[][] covariance(float[] rows, int count, int width, double[] mean) {
        double[][] cov = new double[width][width];
        double[] d = new double[width];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < width; j++) {
                d[j] = rows[i * width + j] - mean[j];
            }
            for (int a = 0; a < width; a++) {
                for (int b = a; b < width; b++) {
                    cov[a][b] += d[a] * d[b];
                }
            }
        }
        for (int a = 0; a < width; a++) {
            for (int b = a; b < width; b++) {
                cov[a][b] /= Math.max(1, count - 1);
                cov[b][a] = cov[a][b];
            }
        }
        return cov;
    }

    /** Principal directions, one per row ({@code k × width}). */
    double[][] components() {
        return components.clone();
    }

    /** Variances along the principal directions. */
    double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The smallest eigenvalue T² divides by, so a component without variance cannot divide by 0. */
    static final double MIN_EIGENVALUE = 1e-12;

    /** 1 / λ_c of each retained component, as T² weighs the squared scores. */
    float[] inverseEigenvalues() {
        float[] inverse = new float[eigenvalues.length];
        for (int c = 0; c < inverse.length; c++) {
            inverse[c] = (float) (1 / Math.max(eigenvalues[c], MIN_EIGENVALUE));
        }
        return inverse;
    }

    /** The T² limit at quantile {@code q} for this model's components and training rows. */
    double t2Limit(double q) {
        return PcaLimits.t2(components.length, rows, q);
    }

    /** The score head at quantile {@code q} with {@code rule}; its Q limit is set later ({@link PcaLimits#withQLimit}). */
    ScoreHead.Pca scoreHead(double q, PcaRule rule) {
        return new ScoreHead.Pca(0, inverseEigenvalues(), (float) t2Limit(q), Float.NaN, rule);
    }

    /** Hotelling's T² of one scaled row. */
    double hotellingT2(float[] scaledRow) {
        double t2 = 0;
        for (int c = 0; c < components.length; c++) {
            double t = 0;
            for (int j = 0; j < mean.length; j++) {
                t += (scaledRow[j] - mean[j]) * components[c][j];
            }
            t2 += t * t / Math.max(eigenvalues[c], MIN_EIGENVALUE);
        }
        return t2;
    }

    /** The linear encoder and decoder as dense layers. */
    List<DenseLayer> layers() {
        int width = mean.length;
        int k = components.length;
        float[] encW = new float[width * k];
        float[] encB = new float[k];
        float[] decW = new float[k * width];
        float[] decB = new float[width];
        for (int c = 0; c < k; c++) {
            double shift = 0;
            for (int j = 0; j < width; j++) {
                encW[j * k + c] = (float) components[c][j];
                decW[c * width + j] = (float) components[c][j];
                shift += mean[j] * components[c][j];
            }
            encB[c] = (float) -shift;
        }
        for (int j = 0; j < width; j++) {
            decB[j] = (float) mean[j];
        }
        return List.of(
                new DenseLayer(width, k, encW, encB, Activation.IDENTITY),
                new DenseLayer(k, width, decW, decB, Activation.IDENTITY));
    }
}
