package dev.vigil.nn;

import java.util.Arrays;

/**
 * Dense matrix kernels on flat row-major {@code float[]} buffers with offsets. Loops are ordered so
 * the innermost loop walks contiguous memory (i-k-j), which the JIT vectorises, and four rows are
 * processed together so each weight row loaded serves four outputs. Every output element is summed
 * in the same order whatever the blocking, so results are deterministic.
 */
public final class MatMul {
    private static final int BLOCK = 4;

    private MatMul() {}

    /** out[m×n] = a[m×k] · w[k×n] + bias[n]; {@code w} and {@code bias} start at the given offsets. */
    public static void affine(float[] a, int m, int k, float[] w, int wOff, int bOff, int n, float[] out) {
        for (int i = 0; i < m; i++) {
            System.arraycopy(w, bOff, out, i * n, n);
        }
        multiplyAdd(a, m, k, w, wOff, n, out);
    }

    /** out[m×n] += a[m×k] · b[k×n] ({@code b} starting at {@code bOff}). */
    static void multiplyAdd(float[] a, int m, int k, float[] b, int bOff, int n, float[] out) {
        int i = 0;
        for (; i + BLOCK <= m; i += BLOCK) {
            int r0 = i * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            for (int p = 0; p < k; p++) {
                float a0 = a[i * k + p];
                float a1 = a[(i + 1) * k + p];
                float a2 = a[(i + 2) * k + p];
                float a3 = a[(i + 3) * k + p];
                int bRow = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    float bj = b[bRow + j];
                    out[r0 + j] += a0 * bj;
                    out[r1 + j] += a1 * bj;
                    out[r2 + j] += a2 * bj;
                    out[r3 + j] += a3 * bj;
                }
            }
        }
        for (; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                int bRow = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += aip * b[bRow + j];
                }
            }
        }
    }

    /** gw[k×n] += aᵀ[k×m] · g[m×n] and gb[n] += column sums of g (accumulating into {@code grads}). */
    public static void accumulateWeightGradient(
            float[] a, int m, int k, float[] g, int n, float[] grads, int wOff, int bOff) {
        int i = 0;
        for (; i + BLOCK <= m; i += BLOCK) {
            int g0 = i * n;
            for (int p = 0; p < k; p++) {
                float a0 = a[i * k + p];
                float a1 = a[(i + 1) * k + p];
                float a2 = a[(i + 2) * k + p];
                float a3 = a[(i + 3) * k + p];
                int wRow = wOff + p * n;
                for (int j = 0; j < n; j++) {
                    grads[wRow + j] +=
                            a0 * g[g0 + j] + a1 * g[g0 + n + j] + a2 * g[g0 + 2 * n + j] + a3 * g[g0 + 3 * n + j];
                }
            }
        }
        for (; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                int wRow = wOff + p * n;
                for (int j = 0; j < n; j++) {
                    grads[wRow + j] += aip * g[i * n + j];
                }
            }
        }
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < n; j++) {
                grads[bOff + j] += g[r * n + j];
            }
        }
    }

    /**
     * out[m×k] = g[m×n] · wᵀ[n×k] (the gradient with respect to a layer's input), using a transposed
     * copy {@code wt[n×k]} of the weights so the inner loop is contiguous (axpy rows, no reductions).
     */
    public static void multiplyByTransposed(float[] g, int m, int n, float[] wt, int k, float[] out) {
        Arrays.fill(out, 0, m * k, 0f);
        multiplyAdd(g, m, n, wt, 0, k, out);
    }

    /** wt[n×k] = transpose of w[k×n] (starting at {@code wOff}). */
    public static void transpose(float[] w, int wOff, int k, int n, float[] wt) {
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                wt[j * k + p] = w[wOff + p * n + j];
            }
        }
    }
}
