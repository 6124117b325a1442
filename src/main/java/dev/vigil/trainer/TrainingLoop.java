package dev.vigil.trainer;

import dev.vigil.nn.Network;
import dev.vigil.nn.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

/**
 * Mini-batch training with early stopping. Each batch is split into two fixed chunks computed on two
 * threads, each with its own workspace and its own seeded random stream; chunk gradients are then
 * summed in a fixed order, so results are byte-identical for a seed whatever the scheduling. The best
 * parameters (lowest validation loss) are restored at the end.
 */
final class TrainingLoop {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TrainingLoop.class);

    private final TrainingParams training;
    private final EpochListener listener;
    private final Corruption corruption;
    private final long startNanos = System.nanoTime();

    TrainingLoop(TrainerConfig config, Corruption corruption, EpochListener listener) {
        this.training = config.training();
        this.corruption = corruption;
        this.listener = listener;
    }

    /**
     * Trains {@code model} on {@code train} ({@code rows × width}, scaled) and validates with
     * {@code validationLoss} after every epoch.
     */
    LossHistory run(
            Autoencoder model,
            float[] train,
            int rows,
            int width,
            ToDoubleFunction<Autoencoder> validationLoss,
            SplittableRandom random) {
        LossHistory history = new LossHistory();
        List<float[]> best = snapshot(model.networks());
        long stepNanos = 0;
        long validationNanos = 0;
        try (Epochs epochs = epochs(model, train, rows, width)) {
            for (int epoch = 1; epoch <= training.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                double trainLoss = epochs.next(random);
                long validationStart = System.nanoTime();
                stepNanos += validationStart - epochStart;
                if (!Double.isFinite(trainLoss) && epoch == 1) {
                    throw new IllegalStateException("learningRate: training diverged in the first epoch (loss "
                            + trainLoss + "); lower the learning rate");
                }
                if (!Double.isFinite(trainLoss)) {
                    LOG.warn(
                            "training loss became {} at epoch {}; keeping the best earlier parameters",
                            trainLoss,
                            epoch);
                    break;
                }
                history.add(trainLoss, validationLoss.applyAsDouble(model));
                validationNanos += System.nanoTime() - validationStart;
                listener.epochFinished(
                        epoch,
                        training.epochs(),
                        trainLoss,
                        history.validation().get(epoch - 1),
                        elapsedMillis());
                if (history.lastIsBest()) {
                    best = snapshot(model.networks());
                } else if (epoch - 1 - history.bestEpoch() >= training.patience()) {
                    break;
                }
            }
        }
        restore(model.networks(), best);
        model.parametersUpdated();
        listener.stageFinished("- epoch steps (forward, backward, optimiser)", stepNanos);
        listener.stageFinished("- validation loss after each epoch", validationNanos);
        return history;
    }

    /** Epoch runner over fixed training data; close it to stop its worker thread. */
    Epochs epochs(Autoencoder model, float[] train, int rows, int width) {
        List<Optimizer> optimizers =
                model.networks().stream().map(this::optimizer).toList();
        return new Epochs(model, train, rows, width, Math.min(training.batchSize(), rows), optimizers, corruption);
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private Optimizer optimizer(Network network) {
        return training.newOptimizer(network.parameters().length);
    }

    private static List<float[]> snapshot(List<Network> networks) {
        List<float[]> copies = new ArrayList<>();
        for (Network n : networks) {
            copies.add(n.parameters().clone());
        }
        return copies;
    }

    private static void restore(List<Network> networks, List<float[]> saved) {
        for (int n = 0; n < networks.size(); n++) {
            System.arraycopy(saved.get(n), 0, networks.get(n).parameters(), 0, saved.get(n).length);
        }
    }

    /** Runs epochs: shuffles, batches, computes the two chunks in parallel, reduces and steps. */
    static final class Epochs implements AutoCloseable {
        private static final int MIN_ROWS_TO_SPLIT = 32;

        private final Autoencoder model;
        private final float[] train;
        private final int rows;
        private final int width;
        private final int batch;
        private final List<Optimizer> optimizers;
        private final Chunk[] chunks;
        private final ExecutorService pool = Executors.newSingleThreadExecutor(Epochs::daemon);

        Epochs(
                Autoencoder model,
                float[] train,
                int rows,
                int width,
                int batch,
                List<Optimizer> optimizers,
                Corruption corruption) {
            this.model = model;
            this.train = train;
            this.rows = rows;
            this.width = width;
            this.batch = batch;
            this.optimizers = optimizers;
            this.chunks =
                    new Chunk[] {new Chunk(model, batch, width, corruption), new Chunk(model, batch, width, corruption)
                    };
        }

        private static Thread daemon(Runnable r) {
            Thread t = new Thread(r, "vigil-train-chunk");
            t.setDaemon(true);
            return t;
        }

        /** One pass over the data in a seeded random order; returns the mean training objective. */
        double next(SplittableRandom random) {
            int[] order = permutation(rows, random);
            double total = 0;
            for (int start = 0; start < rows; start += batch) {
                int size = Math.min(batch, rows - start);
                total += step(order, start, size, random.nextLong()) * size;
            }
            return total / rows;
        }

        private double step(int[] order, int start, int size, long batchSeed) {
            int split = size >= MIN_ROWS_TO_SPLIT ? size / 2 : size;
            Future<Double> second = split < size
                    ? pool.submit(() ->
                            chunks[1].run(model, train, width, order, start + split, size - split, size, batchSeed + 1))
                    : null;
            double loss = chunks[0].run(model, train, width, order, start, split, size, batchSeed) + await(second);
            List<Network> networks = model.networks();
            for (int n = 0; n < networks.size(); n++) {
                float[] grads = chunks[0].workspace.pass(n).gradients();
                if (second != null) {
                    add(grads, chunks[1].workspace.pass(n).gradients());
                }
                optimizers.get(n).step(networks.get(n).parameters(), grads);
            }
            model.parametersUpdated();
            return loss;
        }

        private static double await(Future<Double> future) {
            if (future == null) {
                return 0;
            }
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("training chunk failed", e.getCause());
            }
        }

        private static void add(float[] into, float[] from) {
            for (int i = 0; i < into.length; i++) {
                into[i] += from[i];
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    /** One chunk's buffers: gathered clean rows, the corrupted copy, and the model workspace. */
    private static final class Chunk {
        final Autoencoder.Workspace workspace;
        final float[] clean;
        final float[] input;
        final Corruption corruption;

        Chunk(Autoencoder model, int batch, int width, Corruption corruption) {
            this.workspace = model.workspace(batch);
            this.clean = new float[batch * width];
            this.input = corruption.isNone() ? clean : new float[batch * width];
            this.corruption = corruption;
        }

        double run(
                Autoencoder model,
                float[] train,
                int width,
                int[] order,
                int from,
                int rows,
                int batchRows,
                long seed) {
            workspace.clearGradients();
            for (int i = 0; i < rows; i++) {
                System.arraycopy(train, order[from + i] * width, clean, i * width, width);
            }
            SplittableRandom random = new SplittableRandom(seed);
            corruption.apply(clean, input, rows * width, random);
            return model.accumulate(clean, input, rows, batchRows, workspace, random);
        }
    }
}
