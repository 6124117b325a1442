package dev.vigil.nn;

import java.util.Arrays;

/**
 * Dense matrix products on flat row-major {@code float[]} buffers with offsets. The work is done by
 * the JDK Vector API kernels when the JVM runs with {@code --add-modules jdk.incubator.vector}
 * (the {@code vigil} launcher, the container and the tests do), else by plain-Java kernels; set
 * {@code -Dvigil.nn.kernels=scalar} to force the latter. Every output element is summed in the same
 * order with the same separate multiply and add in both, so results are deterministic and
 * bit-for-bit the same whichever kernels run.
 */
public final class MatMul {
    private static final FloatKernels KERNELS = KernelChoice.pick();

    private MatMul() {}

    /** Which kernels run: {@code scalar} or {@code vector-<bits>}. */
    public static String kernels() {
        return KERNELS.name();
    }

    /** out[m×n] = a[m×k] · w[k×n] + bias[n]; {@code w} and {@code bias} start at the given offsets. */
    public static void affine(float[] a, int m, int k, float[] w, int wOff, int bOff, int n, float[] out) {
        for (int i = 0; i < m; i++) {
            System.arraycopy(w, bOff, out, i * n, n);
        }
        KERNELS.multiplyAdd(a, m, k, w, wOff, n, out, 0);
    }

    /**
     * gw[k×n] += aᵀ[k×m] · g[m×n] and gb[n] += column sums of g (accumulating into {@code grads} at
     * {@code wOff} and {@code bOff}); each gradient element adds its rows' terms one by one in row order.
     */
    public static void accumulateWeightGradient(
            float[] a, int m, int k, float[] g, int n, float[] grads, int wOff, int bOff) {
        KERNELS.multiplyAddTransposedA(a, k, m, g, 0, n, grads, wOff);
        KERNELS.columnSums(g, m, n, grads, bOff);
    }

    /**
     * out[m×k] = g[m×n] · wᵀ[n×k] (the gradient with respect to a layer's input), using a transposed
     * copy {@code wt[n×k]} of the weights so the inner loop is contiguous (axpy rows, no reductions).
     */
    public static void multiplyByTransposed(float[] g, int m, int n, float[] wt, int k, float[] out) {
        Arrays.fill(out, 0, m * k, 0f);
        KERNELS.multiplyAdd(g, m, n, wt, 0, k, out, 0);
    }

    /** wt[n×k] = transpose of w[k×n] (starting at {@code wOff}). */
    public static void transpose(float[] w, int wOff, int k, int n, float[] wt) {
        transpose(w, wOff, k, n, wt, 0);
    }

    /** dst[dstOff + cols×rows] = transpose of src[srcOff + rows×cols]. */
    static void transpose(float[] src, int srcOff, int rows, int cols, float[] dst, int dstOff) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[dstOff + c * rows + r] = src[srcOff + r * cols + c];
            }
        }
    }

    /** A new [cols×rows] array holding the transpose of src[srcOff + rows×cols]. */
    static float[] transposed(float[] src, int srcOff, int rows, int cols) {
        float[] t = new float[rows * cols];
        transpose(src, srcOff, rows, cols, t, 0);
        return t;
    }
}
