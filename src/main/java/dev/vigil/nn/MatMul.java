package dev.vigil.nn;

/**
 * Dense matrix kernels on flat row-major {@code float[]} buffers with offsets. Loops are ordered so
 * the innermost loop walks contiguous memory (i-k-j), which the JIT vectorises.
 */
public final class MatMul {
    private MatMul() {}

    /** out[m×n] = a[m×k] · w[k×n] + bias[n]; {@code w} and {@code bias} start at the given offsets. */
    public static void affine(float[] a, int m, int k, float[] w, int wOff, int bOff, int n, float[] out) {
        for (int i = 0; i < m; i++) {
            int row = i * n;
            System.arraycopy(w, bOff, out, row, n);
            int aRow = i * k;
            for (int p = 0; p < k; p++) {
                float aip = a[aRow + p];
                if (aip == 0f) {
                    continue;
                }
                int wRow = wOff + p * n;
                for (int j = 0; j < n; j++) {
                    out[row + j] += aip * w[wRow + j];
                }
            }
        }
    }

    /** gw[k×n] += aᵀ[k×m] · g[m×n] and gb[n] += column sums of g (accumulating into {@code grads}). */
    public static void accumulateWeightGradient(
            float[] a, int m, int k, float[] g, int n, float[] grads, int wOff, int bOff) {
        for (int i = 0; i < m; i++) {
            int aRow = i * k;
            int gRow = i * n;
            for (int p = 0; p < k; p++) {
                float aip = a[aRow + p];
                if (aip == 0f) {
                    continue;
                }
                int wRow = wOff + p * n;
                for (int j = 0; j < n; j++) {
                    grads[wRow + j] += aip * g[gRow + j];
                }
            }
            for (int j = 0; j < n; j++) {
                grads[bOff + j] += g[gRow + j];
            }
        }
    }

    /**
     * out[m×k] = g[m×n] · wᵀ[n×k] (the gradient with respect to a layer's input), using a transposed
     * copy {@code wt[n×k]} of the weights so the inner loop is contiguous (axpy rows, no reductions).
     */
    public static void multiplyByTransposed(float[] g, int m, int n, float[] wt, int k, float[] out) {
        for (int i = 0; i < m; i++) {
            int row = i * k;
            java.util.Arrays.fill(out, row, row + k, 0f);
            for (int j = 0; j < n; j++) {
                float gij = g[i * n + j];
                if (gij == 0f) {
                    continue;
                }
                int wRow = j * k;
                for (int p = 0; p < k; p++) {
                    out[row + p] += gij * wt[wRow + p];
                }
            }
        }
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
