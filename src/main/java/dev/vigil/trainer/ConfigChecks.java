package dev.vigil.trainer;

import dev.vigil.nn.Loss;
import java.util.Arrays;

/** Validation of a {@link TrainerConfig}: each failure names the parameter and says why. */
final class ConfigChecks {
    private ConfigChecks() {}

    static void check(TrainerConfig c) {
        checkShape(c);
        checkOptimisation(c);
        checkCalibration(c);
        checkRegularisers(c);
    }

    private static void checkShape(TrainerConfig c) {
        for (int width : c.layers()) {
            require(width >= 1, "layers", "every width must be >= 1, got " + Arrays.toString(c.layers()));
        }
        require(c.window() >= 0, "window", "must be >= 0 (0 = automatic), got " + c.window());
        require(c.activation() != null, "activation", "must be set");
        require(c.loss() != null, "loss", "must be set");
        require(c.scaler() != null, "scaler", "must be set");
        require(
                c.loss() != Loss.BCE || c.scaler() == ScalerChoice.NONE,
                "loss",
                "BCE needs targets in [0, 1]: use scaler NONE with data already in [0, 1]");
    }

    private static void checkOptimisation(TrainerConfig c) {
        require(c.epochs() >= 1, "epochs", "must be >= 1, got " + c.epochs());
        require(c.batchSize() >= 1, "batchSize", "must be >= 1, got " + c.batchSize());
        require(
                c.learningRate() > 0 && c.learningRate() < 10,
                "learningRate",
                "must be in (0, 10), got " + c.learningRate());
        require(c.patience() >= 1, "patience", "must be >= 1, got " + c.patience());
        require(
                "adam".equals(c.optimizer()) || "sgd".equals(c.optimizer()),
                "optimizer",
                "must be adam or sgd, got " + c.optimizer());
        require(c.weightDecay() >= 0, "weightDecay", "must be >= 0, got " + c.weightDecay());
    }

    private static void checkCalibration(TrainerConfig c) {
        require(
                c.thresholdQuantile() > 0.5 && c.thresholdQuantile() < 1,
                "thresholdQuantile",
                "must be in (0.5, 1), got " + c.thresholdQuantile());
        require(
                c.validationSplit() > 0 && c.validationSplit() < 0.9,
                "validationSplit",
                "must be in (0, 0.9), got " + c.validationSplit());
        require(
                c.scoreSmoothing() >= 1 && c.scoreSmoothing() <= 1000,
                "scoreSmoothing",
                "must be in [1, 1000], got " + c.scoreSmoothing());
        require(c.tailDepth() >= 1 && c.tailDepth() <= 1000, "tailDepth", "must be in [1, 1000], got " + c.tailDepth());
    }

    private static void checkRegularisers(TrainerConfig c) {
        require(
                c.maskingNoise() >= 0 && c.maskingNoise() < 1,
                "maskingNoise",
                "must be in [0, 1), got " + c.maskingNoise());
        require(c.gaussianNoise() >= 0, "gaussianNoise", "must be >= 0, got " + c.gaussianNoise());
        require(
                "l1".equals(c.sparsity()) || "kl".equals(c.sparsity()),
                "sparsity",
                "must be l1 or kl, got " + c.sparsity());
        require(c.sparsityWeight() >= 0, "sparsityWeight", "must be >= 0, got " + c.sparsityWeight());
        require(
                c.sparsityTarget() > 0 && c.sparsityTarget() < 1,
                "sparsityTarget",
                "must be in (0, 1), got " + c.sparsityTarget());
        require(c.contractiveWeight() >= 0, "contractiveWeight", "must be >= 0, got " + c.contractiveWeight());
        require(c.klWeight() >= 0, "klWeight", "must be >= 0, got " + c.klWeight());
    }

    private static void require(boolean ok, String parameter, String why) {
        if (!ok) {
            throw new IllegalArgumentException(parameter + ": " + why);
        }
    }
}
