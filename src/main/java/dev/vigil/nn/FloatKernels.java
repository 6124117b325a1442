package dev.vigil.nn;

/**
 * The product the dense layers spend their time in, on flat row-major buffers. Implementations must
 * give bit-for-bit the results of {@link ScalarKernels}: every output element gets its products
 * added one at a time in increasing order of the summed index, each a separate multiply and add, so
 * a seed gives the same model whichever implementation runs.
 */
interface FloatKernels {
    /**
     * out[outOff + m×n] += a[m×k] · b[bOff + k×n]: for each element, the products of p = 0 … k-1
     * added in that order.
     */
    void multiplyAdd(float[] a, int m, int k, float[] b, int bOff, int n, float[] out, int outOff);

    /**
     * As {@link #multiplyAdd} with {@code a} stored transposed, {@code [k×m]}: out[m×n] += aᵀ · b,
     * the products of p = 0 … k-1 added in that order (the weight gradient, without a transposed copy).
     */
    void multiplyAddTransposedA(float[] a, int m, int k, float[] b, int bOff, int n, float[] out, int outOff);

    /** grads[bOff + j] += g[r×n + j] for r = 0 … m-1 in that order (the bias gradient). */
    void columnSums(float[] g, int m, int n, float[] grads, int bOff);

    /** A short name for logs and benchmark output. */
    String name();
}
