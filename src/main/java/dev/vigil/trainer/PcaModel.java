package dev.vigil.trainer;

import dev.vigil.nn.Activation;
import java.util.List;

/**
 * Principal component analysis of scaled training rows, the linear baseline. The first k principal
 * directions (eigenvectors of the covariance, by Jacobi rotations) form a linear encoder
 * {@code t = (z - mean)·V} and decoder {@code ẑ = t·Vᵀ + mean}, exported like any autoencoder, so the
 * bundle's score is the squared prediction error (Q / SPE statistic) divided by W·F: the mean
 * squared error in scaled space. Hotelling's T² ({@code Σ t_j² / λ_j}) is available from
 * {@link #hotellingT2(float[])}.
 */
final class PcaModel {
    private final double[] mean;
    private final double[][] components;
    private final double[] eigenvalues;

    private PcaModel(double[] mean, double[][] components, double[] eigenvalues) {
        this.mean = mean;
        this.components = components;
        this.eigenvalues = eigenvalues;
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
        return new PcaModel(mean, v, values);
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

    /** Hotelling's T² of one scaled row. */
    double hotellingT2(float[] scaledRow) {
        double t2 = 0;
        for (int c = 0; c < components.length; c++) {
            double t = 0;
            for (int j = 0; j < mean.length; j++) {
                t += (scaledRow[j] - mean[j]) * components[c][j];
            }
            t2 += t * t / Math.max(eigenvalues[c], 1e-12);
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
