package dev.vigil.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Vector API kernels give the plain-Java kernels' results bit for bit, tails and narrow outputs included. */
class KernelParityTest {
    private final FloatKernels scalar = new ScalarKernels();
    private final FloatKernels vector = KernelChoice.pick();

    @ParameterizedTest
    @CsvSource({"128,32,16", "128,16,4", "128,4,16", "128,16,32", "7,19,38", "33,5,3", "1,3,1", "200,57,19"})
    void productsAndColumnSumsMatchTheScalarKernelsExactly(int m, int k, int n) {
        assertTrue(vector.name().startsWith("vector"), "tests run with --add-modules jdk.incubator.vector");
        float[] a = values(m * k, 1);
        float[] b = values(3 + k * n, 2);
        float[] expected = values(5 + m * n, 3);
        float[] actual = expected.clone();
        scalar.multiplyAdd(a, m, k, b, 3, n, expected, 5);
        vector.multiplyAdd(a, m, k, b, 3, n, actual, 5);
        assertArrayEquals(expected, actual);
        float[] at = values(k * m, 4);
        scalar.multiplyAddTransposedA(at, m, k, b, 3, n, expected, 5);
        vector.multiplyAddTransposedA(at, m, k, b, 3, n, actual, 5);
        assertArrayEquals(expected, actual);
        scalar.columnSums(a, m, k, expected, 2);
        vector.columnSums(a, m, k, actual, 2);
        assertArrayEquals(expected, actual);
    }

    private static float[] values(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
