package dev.vigil.trainer;

import dev.vigil.nn.Network;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Measures training speed of the default model: samples per second and achieved GFLOP/s of the
 * matrix products (forward 2·M, weight gradients 2·M, input gradients 2·(M − M₁) floating-point
 * operations per sample, where M is the multiply-add count of one forward pass and M₁ that of the
 * first layer, whose input gradient is not needed). Data: low-rank rows plus noise, already scaled.
 */
public final class TrainingThroughput {
    private final TrainerConfig config;
    private final Autoencoder model;
    private final float[] data;
    private final int rows;
    private final int width;
    private final SplittableRandom random;

    /** Prepares {@code rows × width} synthetic rows and the default model for {@code width} inputs (window 1). */
    public TrainingThroughput(int rows, int width, long seed) {
        this.config = TrainerConfig.defaults()
                .withSeed(seed)
                .withNetwork(NetworkParams.defaults().withWindow(1));
        Architecture arch = Architecture.resolve(config, width);
        this.random = new SplittableRandom(seed);
        this.model = ModelFactory.create(config, arch, random);
        this.data = lowRankRows(rows, width, seed);
        this.rows = rows;
        this.width = width;
    }

    /** One measured run of {@code epochs} epochs. */
    public record Measurement(
            int rows,
            int width,
            String layers,
            int epochs,
            double seconds,
            double samplesPerSecond,
            double gflopsPerSecond,
            double cpuSeconds) {}

    /** Runs {@code epochs} training epochs and reports the throughput. */
    public Measurement measure(int epochs) {
        TrainingLoop loop = new TrainingLoop(config, Corruption.NONE, EpochListener.NONE);
        long start;
        long end;
        long cpuStart = processCpuNanos();
        try (TrainingLoop.Epochs runner = loop.epochs(model, data, rows, width)) {
            start = System.nanoTime();
            for (int e = 0; e < epochs; e++) {
                runner.next(random);
            }
            end = System.nanoTime();
        }
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        double seconds = (end - start) / 1e9;
        double samples = (double) rows * epochs;
        return new Measurement(
                rows,
                width,
                layout(),
                epochs,
                seconds,
                samples / seconds,
                samples * flopsPerSample() / seconds / 1e9,
                cpuSeconds);
    }

    /** CPU time of the whole process (both training threads); -1 where the JVM does not report it. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** Runs one epoch (for JMH); returns the mean training loss. */
    public double epoch() {
        TrainingLoop loop = new TrainingLoop(config, Corruption.NONE, EpochListener.NONE);
        try (TrainingLoop.Epochs runner = loop.epochs(model, data, rows, width)) {
            return runner.next(random);
        }
    }

    /** Matrix-product FLOPs of one training step for one sample. */
    public long flopsPerSample() {
        long macs = 0;
        long firstLayer = (long) width * model.networks().get(0).width(1);
        for (Network n : model.networks()) {
            macs += n.multiplyAddsPerRow();
        }
        return 2 * macs + 2 * macs + 2 * (macs - firstLayer);
    }

    private String layout() {
        StringBuilder sb = new StringBuilder();
        for (Network n : model.networks()) {
            for (int i = 0; i <= n.layers(); i++) {
                if (i > 0 || sb.length() == 0) {
                    sb.append(sb.length() == 0 ? "" : "-").append(n.width(i));
                }
            }
        }
        return sb.toString();
    }

    private static float[] lowRankRows(int rows, int width, long seed) {
        Random random = new Random(seed);
        float[][] basis = new float[4][width];
        for (float[] b : basis) {
            for (int j = 0; j < width; j++) {
                b[j] = (float) random.nextGaussian();
            }
        }
        float[] out = new float[rows * width];
        for (int i = 0; i < rows; i++) {
            double[] latent = random.doubles(4, -1, 1).toArray();
            for (int j = 0; j < width; j++) {
                double v = 0.05 * random.nextGaussian();
                for (int k = 0; k < 4; k++) {
                    v += latent[k] * basis[k][j];
                }
                out[i * width + j] = (float) v;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "TrainingThroughput" + Arrays.toString(new int[] {rows, width});
    }
}
