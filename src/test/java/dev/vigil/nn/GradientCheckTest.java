package dev.vigil.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Finite-difference checks: the float core's back-propagated gradients (parameters and input) match
 * central differences of an independent double-precision forward pass to a relative error below 1e-4.
 */
class GradientCheckTest {
    private static final double MAX_RELATIVE_ERROR = 1e-4;
    private static final double STEP = 1e-6;
    private static final int ROWS = 5;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void denseLayersBackpropagateEachActivationExactly(Activation activation) {
        Network net = new Network(new int[] {4, 6, 3}, Collections.nCopies(2, activation), new SplittableRandom(1));
        check(net, Loss.MSE, randomValues(ROWS * 3, 2, false));
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void eachLossBackpropagatesExactly(Loss loss) {
        Network net =
                new Network(new int[] {4, 5, 3}, List.of(Activation.TANH, Activation.SIGMOID), new SplittableRandom(2));
        check(net, loss, randomValues(ROWS * 3, 3, true));
    }

    private static void check(Network net, Loss loss, float[] target) {
        float[] x = randomValues(ROWS * net.inputSize(), 4, false);
        Pass pass = net.newPass(ROWS);
        float[] y = net.forward(pass, x, ROWS);
        float[] grad = new float[y.length];
        loss.evaluate(y, target, y.length, y.length, grad);
        float[] inputGrad = net.backward(pass, grad, ROWS).clone();
        double[] t = DoubleReference.widen(target);
        double[] p = DoubleReference.params(net);
        double[] xd = DoubleReference.widen(x);
        double[] numericParams = DoubleReference.numericGradient(
                q -> DoubleReference.loss(loss, last(DoubleReference.forward(net, q, xd, ROWS)), t), p, STEP);
        double[] numericInput = DoubleReference.numericGradient(
                q -> DoubleReference.loss(loss, last(DoubleReference.forward(net, p, q, ROWS)), t), xd.clone(), STEP);
        assertSmall(DoubleReference.relativeError(pass.gradients(), numericParams), "parameters");
        assertSmall(DoubleReference.relativeError(inputGrad, numericInput), "input");
    }

    static double[] last(List<double[]> acts) {
        return acts.get(acts.size() - 1);
    }

    static void assertSmall(double error, String what) {
        assertTrue(error < MAX_RELATIVE_ERROR, what + " gradient relative error " + error);
    }

    static float[] randomValues(int n, long seed, boolean unitInterval) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (unitInterval ? random.nextDouble(0.05, 0.95) : random.nextDouble(-1.5, 1.5));
        }
        return v;
    }
}
