package dev.vigil.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the JDK Vector API (incubator module {@code jdk.incubator.vector}) at the machine's
 * preferred vector width: the output columns are cut into whole vectors (the rest done by
 * {@link ScalarKernels}), each vector keeping four rows' partial sums in registers while the
 * products are added in the scalar order, so results equal the scalar kernels' bit for bit. An
 * output narrower than one vector (a 4-unit code layer) is computed transposed, outᵀ += bᵀ · aᵀ,
 * which adds the same products in the same order. Load only through {@link KernelChoice}.
 */
final class VectorKernels implements FloatKernels {
    private static final VectorSpecies<Float> WIDE = FloatVector.SPECIES_PREFERRED;
    private static final int W = WIDE.length();

    @Override
    public void multiplyAdd(float[] a, int m, int k, float[] b, int bOff, int n, float[] out, int outOff) {
        if (n < W && m >= W) {
            transposed(a, m, k, b, bOff, n, out, outOff);
            return;
        }
        int wide = n - n % W;
        for (int j = 0; j < wide; j += W) {
            rowsTimesColumns(a, m, k, b, bOff, n, out, outOff, j);
        }
        ScalarKernels.multiplyAdd(a, m, k, b, bOff, n, out, outOff, wide, n);
    }

    @Override
    public void multiplyAddTransposedA(float[] a, int m, int k, float[] b, int bOff, int n, float[] out, int outOff) {
        if (n < W && m >= W) {
            float[] outT = MatMul.transposed(out, outOff, m, n);
            float[] stored = bOff == 0 ? b : java.util.Arrays.copyOfRange(b, bOff, bOff + k * n);
            multiplyAddTransposedA(stored, n, k, a, 0, m, outT, 0); // outᵀ += bᵀ · a, b read as stored
            MatMul.transpose(outT, 0, n, m, out, outOff);
            return;
        }
        int wide = n - n % W;
        for (int j = 0; j < wide; j += W) {
            transposedRowsTimesColumns(a, m, k, b, bOff, n, out, outOff, j);
        }
        ScalarKernels.multiplyAddTransposedA(a, m, k, b, bOff, n, out, outOff, wide, n);
    }

    @Override
    public void columnSums(float[] g, int m, int n, float[] grads, int bOff) {
        int wide = n - n % W;
        for (int j = 0; j < wide; j += W) {
            FloatVector c = FloatVector.fromArray(WIDE, grads, bOff + j);
            for (int r = 0; r < m; r++) {
                c = c.add(FloatVector.fromArray(WIDE, g, r * n + j));
            }
            c.intoArray(grads, bOff + j);
        }
        for (int r = 0; r < m; r++) {
            for (int j = wide; j < n; j++) {
                grads[bOff + j] += g[r * n + j];
            }
        }
    }

    @Override
    public String name() {
        return "vector-" + WIDE.vectorBitSize();
    }

    /** outᵀ[n×m] += bᵀ[n×k] · aᵀ[k×m], then back into {@code out}. */
    private void transposed(float[] a, int m, int k, float[] b, int bOff, int n, float[] out, int outOff) {
        float[] outT = MatMul.transposed(out, outOff, m, n);
        multiplyAdd(MatMul.transposed(b, bOff, k, n), n, k, MatMul.transposed(a, 0, m, k), 0, m, outT, 0);
        MatMul.transpose(outT, 0, n, m, out, outOff);
    }

    /** Columns j … j+W-1 of out += a · b, four rows at a time. */
    private static void rowsTimesColumns(
            float[] a, int m, int k, float[] b, int bOff, int n, float[] out, int outOff, int j) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int o = outOff + i * n + j;
            FloatVector c0 = FloatVector.fromArray(WIDE, out, o);
            FloatVector c1 = FloatVector.fromArray(WIDE, out, o + n);
            FloatVector c2 = FloatVector.fromArray(WIDE, out, o + 2 * n);
            FloatVector c3 = FloatVector.fromArray(WIDE, out, o + 3 * n);
            int r = i * k;
            for (int p = 0; p < k; p++) {
                FloatVector bp = FloatVector.fromArray(WIDE, b, bOff + p * n + j);
                c0 = c0.add(bp.mul(a[r + p]));
                c1 = c1.add(bp.mul(a[r + k + p]));
                c2 = c2.add(bp.mul(a[r + 2 * k + p]));
                c3 = c3.add(bp.mul(a[r + 3 * k + p]));
            }
            c0.intoArray(out, o);
            c1.intoArray(out, o + n);
            c2.intoArray(out, o + 2 * n);
            c3.intoArray(out, o + 3 * n);
        }
        for (; i < m; i++) {
            int o = outOff + i * n + j;
            FloatVector c = FloatVector.fromArray(WIDE, out, o);
            for (int p = 0; p < k; p++) {
                c = c.add(FloatVector.fromArray(WIDE, b, bOff + p * n + j).mul(a[i * k + p]));
            }
            c.intoArray(out, o);
        }
    }

    /** As {@link #rowsTimesColumns} with element (i, p) of the left operand at a[p×m + i]. */
    private static void transposedRowsTimesColumns(
            float[] a, int m, int k, float[] b, int bOff, int n, float[] out, int outOff, int j) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int o = outOff + i * n + j;
            FloatVector c0 = FloatVector.fromArray(WIDE, out, o);
            FloatVector c1 = FloatVector.fromArray(WIDE, out, o + n);
            FloatVector c2 = FloatVector.fromArray(WIDE, out, o + 2 * n);
            FloatVector c3 = FloatVector.fromArray(WIDE, out, o + 3 * n);
            for (int p = 0; p < k; p++) {
                FloatVector bp = FloatVector.fromArray(WIDE, b, bOff + p * n + j);
                int r = p * m + i;
                c0 = c0.add(bp.mul(a[r]));
                c1 = c1.add(bp.mul(a[r + 1]));
                c2 = c2.add(bp.mul(a[r + 2]));
                c3 = c3.add(bp.mul(a[r + 3]));
            }
            c0.intoArray(out, o);
            c1.intoArray(out, o + n);
            c2.intoArray(out, o + 2 * n);
            c3.intoArray(out, o + 3 * n);
        }
        for (; i < m; i++) {
            int o = outOff + i * n + j;
            FloatVector c = FloatVector.fromArray(WIDE, out, o);
            for (int p = 0; p < k; p++) {
                c = c.add(FloatVector.fromArray(WIDE, b, bOff + p * n + j).mul(a[p * m + i]));
            }
            c.intoArray(out, o);
        }
    }
}
