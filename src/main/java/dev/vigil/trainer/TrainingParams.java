package dev.vigil.trainer;

import static dev.vigil.trainer.ConfigChecks.require;

import dev.vigil.nn.Optimizer;

/**
 * How the training loop runs and the optimiser steps. Invalid values fail on construction naming
 * the key.
 *
 * @param epochs maximum epochs, >= 1 (early stopping may end sooner)
 * @param batchSize mini-batch size, >= 1 (each batch is computed as two parallel halves)
 * @param learningRate optimiser learning rate, in (0, 10)
 * @param optimizer Adam or SGD with momentum
 * @param weightDecay weight decay, >= 0 (decoupled for Adam, L2 for SGD)
 * @param patience epochs without validation improvement before early stopping, >= 1
 * @param momentum SGD's momentum, in [0, 1) (SGD only)
 * @param beta1 Adam's decay rate of the first-moment estimate, in [0, 1) (Adam only)
 * @param beta2 Adam's decay rate of the second-moment estimate, in [0, 1) (Adam only)
 */
public record TrainingParams(
        int epochs,
        int batchSize,
        double learningRate,
        OptimizerKind optimizer,
        double weightDecay,
        int patience,
        double momentum,
        double beta1,
        double beta2) {
    /** Validates every value. */
    public TrainingParams {
        require(epochs >= 1, "epochs", "must be >= 1, got " + epochs);
        require(batchSize >= 1, "batchSize", "must be >= 1, got " + batchSize);
        require(learningRate > 0 && learningRate < 10, "learningRate", "must be in (0, 10), got " + learningRate);
        require(patience >= 1, "patience", "must be >= 1, got " + patience);
        require(optimizer != null, "optimizer", "must be adam or sgd, got null");
        require(weightDecay >= 0, "weightDecay", "must be >= 0, got " + weightDecay);
        require(momentum >= 0 && momentum < 1, "momentum", "must be in [0, 1), got " + momentum);
        require(beta1 >= 0 && beta1 < 1, "beta1", "must be in [0, 1), got " + beta1);
        require(beta2 >= 0 && beta2 < 1, "beta2", "must be in [0, 1), got " + beta2);
    }

    /**
     * At most 60 epochs of 256-row batches, Adam (β1 0.9, β2 0.999) at 1e-3 without weight decay,
     * patience 8; momentum 0.9 when SGD is chosen.
     */
    public static TrainingParams defaults() {
        return new TrainingParams(60, 256, 1e-3, OptimizerKind.ADAM, 0, 8, 0.9, 0.9, 0.999);
    }

    /** A fresh optimiser for {@code size} parameters. */
    Optimizer newOptimizer(int size) {
        return optimizer.create(size, this);
    }

    /** A copy with at most {@code epochs} epochs. */
    public TrainingParams withEpochs(int epochs) {
        return new TrainingParams(
                epochs, batchSize, learningRate, optimizer, weightDecay, patience, momentum, beta1, beta2);
    }

    /** A copy with this mini-batch size. */
    public TrainingParams withBatchSize(int batchSize) {
        return new TrainingParams(
                epochs, batchSize, learningRate, optimizer, weightDecay, patience, momentum, beta1, beta2);
    }

    /** A copy with this learning rate. */
    public TrainingParams withLearningRate(double learningRate) {
        return new TrainingParams(
                epochs, batchSize, learningRate, optimizer, weightDecay, patience, momentum, beta1, beta2);
    }

    /** A copy with this optimiser. */
    public TrainingParams withOptimizer(OptimizerKind optimizer) {
        return new TrainingParams(
                epochs, batchSize, learningRate, optimizer, weightDecay, patience, momentum, beta1, beta2);
    }

    /** A copy with this weight decay. */
    public TrainingParams withWeightDecay(double weightDecay) {
        return new TrainingParams(
                epochs, batchSize, learningRate, optimizer, weightDecay, patience, momentum, beta1, beta2);
    }

    /** A copy with this early-stopping patience. */
    public TrainingParams withPatience(int patience) {
        return new TrainingParams(
                epochs, batchSize, learningRate, optimizer, weightDecay, patience, momentum, beta1, beta2);
    }

    /** A copy with this SGD momentum. */
    public TrainingParams withMomentum(double momentum) {
        return new TrainingParams(
                epochs, batchSize, learningRate, optimizer, weightDecay, patience, momentum, beta1, beta2);
    }

    /** A copy with these Adam moment decay rates. */
    public TrainingParams withAdamBetas(double beta1, double beta2) {
        return new TrainingParams(
                epochs, batchSize, learningRate, optimizer, weightDecay, patience, momentum, beta1, beta2);
    }
}
