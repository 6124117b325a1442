package dev.vigil.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Independent double-precision re-implementation of the forward math, used only as the function
 * whose finite differences check the float core's analytic gradients.
 */
public final class DoubleReference {
    private DoubleReference() {}

    /** The network's parameters widened to double. */
    public static double[] params(Network network) {
        float[] p = network.parameters();
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            d[i] = p[i];
        }
        return d;
    }

    /** Activations of every layer boundary (index 0 = input) for {@code rows} rows. */
    public static List<double[]> forward(Network shape, double[] params, double[] x, int rows) {
        List<double[]> acts = new ArrayList<>();
        acts.add(x);
        double[] h = x;
        for (int l = 0; l < shape.layers(); l++) {
            h = layer(shape, l, params, h, rows);
            acts.add(h);
        }
        return acts;
    }

    private static double[] layer(Network shape, int l, double[] p, double[] in, int rows) {
        int k = shape.width(l);
        int n = shape.width(l + 1);
        double[] out = new double[rows * n];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < n; j++) {
                double z = p[shape.biasOffset(l) + j];
                for (int q = 0; q < k; q++) {
                    z += in[i * k + q] * p[shape.weightOffset(l) + q * n + j];
                }
                out[i * n + j] = activate(shape.activation(l), z);
            }
        }
        return out;
    }

    /** f(z) in double. */
    public static double activate(Activation a, double z) {
        return switch (a) {
            case RELU -> Math.max(0, z);
            case TANH -> Math.tanh(z);
            case SIGMOID -> 1 / (1 + Math.exp(-z));
            case IDENTITY -> z;
        };
    }

    /** Mean loss over all elements. */
    public static double loss(Loss loss, double[] y, double[] t) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += switch (loss) {
                case MSE -> (y[i] - t[i]) * (y[i] - t[i]);
                case MAE -> Math.abs(y[i] - t[i]);
                case BCE -> -(t[i] * Math.log(y[i]) + (1 - t[i]) * Math.log(1 - y[i]));
            };
        }
        return sum / y.length;
    }

    /** Central finite differences of {@code f} at {@code x}. */
    public static double[] numericGradient(java.util.function.ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double saved = x[i];
            x[i] = saved + h;
            double plus = f.applyAsDouble(x);
            x[i] = saved - h;
            double minus = f.applyAsDouble(x);
            x[i] = saved;
            g[i] = (plus - minus) / (2 * h);
        }
        return g;
    }

    /** ‖a - n‖ / max(‖a‖, ‖n‖): the usual relative error of a gradient check. */
    public static double relativeError(float[] analytic, double[] numeric) {
        double diff = 0;
        double na = 0;
        double nn = 0;
        for (int i = 0; i < numeric.length; i++) {
            diff += (analytic[i] - numeric[i]) * (analytic[i] - numeric[i]);
            na += analytic[i] * (double) analytic[i];
            nn += numeric[i] * numeric[i];
        }
        return Math.sqrt(diff) / Math.max(1e-30, Math.max(Math.sqrt(na), Math.sqrt(nn)));
    }

    /** Widened copy. */
    public static double[] widen(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return d;
    }
}
