package dev.vigil.nn;

/**
 * Plain-Java kernels: loops ordered i-k-j so the innermost loop walks contiguous memory, four rows
 * at a time so each row of {@code b} loaded serves four outputs. {@link #multiplyAdd(float[], int,
 * int, float[], int, int, float[], int, int, int)} also works on a column range, which the vector
 * kernels use for the columns left over after whole vectors.
 */
final class ScalarKernels implements FloatKernels {
    private static final int BLOCK = 4;

    @Override
    public void multiplyAdd(float[] a, int m, int k, float[] b, int bOff, int n, float[] out, int outOff) {
        multiplyAdd(a, m, k, b, bOff, n, out, outOff, 0, n);
    }

    @Override
    public void multiplyAddTransposedA(float[] a, int m, int k, float[] b, int bOff, int n, float[] out, int outOff) {
        multiplyAddTransposedA(a, m, k, b, bOff, n, out, outOff, 0, n);
    }

    /** As {@link #multiplyAddTransposedA(float[], int, int, float[], int, int, float[], int)} for columns j0 ≤ j < j1. */
    static void multiplyAddTransposedA(
            float[] a, int m, int k, float[] b, int bOff, int n, float[] out, int outOff, int j0, int j1) {
        for (int i = 0; i < m; i++) {
            int r = outOff + i * n;
            for (int p = 0; p < k; p++) {
                float api = a[p * m + i];
                int bRow = bOff + p * n;
                for (int j = j0; j < j1; j++) {
                    out[r + j] += api * b[bRow + j];
                }
            }
        }
    }

    @Override
    public void columnSums(float[] g, int m, int n, float[] grads, int bOff) {
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < n; j++) {
                grads[bOff + j] += g[r * n + j];
            }
        }
    }

    @Override
    public String name() {
        return "scalar";
    }

    /** As {@link #multiplyAdd(float[], int, int, float[], int, int, float[], int)} for columns j0 ≤ j < j1. */
    static void multiplyAdd(
            float[] a, int m, int k, float[] b, int bOff, int n, float[] out, int outOff, int j0, int j1) {
        int i = 0;
        for (; i + BLOCK <= m; i += BLOCK) {
            int r0 = outOff + i * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            for (int p = 0; p < k; p++) {
                float a0 = a[i * k + p];
                float a1 = a[(i + 1) * k + p];
                float a2 = a[(i + 2) * k + p];
                float a3 = a[(i + 3) * k + p];
                int bRow = bOff + p * n;
                for (int j = j0; j < j1; j++) {
                    float bj = b[bRow + j];
                    out[r0 + j] += a0 * bj;
                    out[r1 + j] += a1 * bj;
                    out[r2 + j] += a2 * bj;
                    out[r3 + j] += a3 * bj;
                }
            }
        }
        for (; i < m; i++) {
            int r = outOff + i * n;
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                int bRow = bOff + p * n;
                for (int j = j0; j < j1; j++) {
                    out[r + j] += aip * b[bRow + j];
                }
            }
        }
    }
}
