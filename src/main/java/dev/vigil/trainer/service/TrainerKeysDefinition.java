package dev.vigil.trainer.service;

import static dev.vigil.trainer.service.TrainerServiceConfig.*;

import dev.vigil.nn.Activation;
import dev.vigil.nn.Loss;
import dev.vigil.trainer.NetworkParams;
import dev.vigil.trainer.ScalerChoice;
import dev.vigil.trainer.ScoringParams;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingParams;
import java.util.Arrays;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The declarations of the {@code train.*} keys that set {@link TrainerConfig} hyper-parameters.
 * Every default is read from {@link TrainerConfig#defaults()}; ranges are checked by TrainerConfig
 * itself when {@link TrainerServiceConfig} builds it (see {@link TrainKeys}), so they are stated once.
 */
final class TrainerKeysDefinition {
    private static final TrainerConfig DEFAULTS = TrainerConfig.defaults();

    private TrainerKeysDefinition() {}

    static void define(ConfigDef def) {
        defineNetwork(def, DEFAULTS.network());
        defineOptimiser(def, DEFAULTS.training());
        defineScoring(def, DEFAULTS.scoring());
        defineVariants(def);
    }

    private static void defineNetwork(ConfigDef def, NetworkParams network) {
        def.define(
                        TRAIN_ACTIVATION,
                        Type.STRING,
                        network.activation().name(),
                        names(Activation.values()),
                        Importance.LOW,
                        "Hidden-layer activation.")
                .define(
                        TRAIN_LOSS,
                        Type.STRING,
                        network.loss().name(),
                        names(Loss.values()),
                        Importance.LOW,
                        "Training loss (BCE needs train.scaler NONE and data in [0, 1]).")
                .define(
                        TRAIN_TIED_WEIGHTS,
                        Type.BOOLEAN,
                        network.tiedWeights(),
                        Importance.LOW,
                        "Decoder weights = encoder weights transposed, layer by layer (dense variants).")
                .define(
                        TRAIN_CODE_DROPOUT,
                        Type.DOUBLE,
                        network.codeDropout(),
                        Importance.LOW,
                        "Inverted dropout rate p on the code while training, in [0, 1) (dense variants).");
    }

    private static void defineOptimiser(ConfigDef def, TrainingParams training) {
        def.define(TRAIN_BATCH_SIZE, Type.INT, training.batchSize(), Importance.LOW, "Mini-batch size, >= 1.")
                .define(
                        TRAIN_LEARNING_RATE,
                        Type.DOUBLE,
                        training.learningRate(),
                        Importance.LOW,
                        "Optimiser learning rate, in (0, 10).")
                .define(
                        TRAIN_OPTIMIZER,
                        Type.STRING,
                        training.optimizer().cliName(),
                        Importance.LOW,
                        "Optimiser: adam or sgd.")
                .define(
                        TRAIN_MOMENTUM,
                        Type.DOUBLE,
                        training.momentum(),
                        Importance.LOW,
                        "SGD momentum, in [0, 1) (train.optimizer=sgd).")
                .define(
                        TRAIN_BETA1,
                        Type.DOUBLE,
                        training.beta1(),
                        Importance.LOW,
                        "Adam first-moment decay, in [0, 1) (train.optimizer=adam).")
                .define(
                        TRAIN_BETA2,
                        Type.DOUBLE,
                        training.beta2(),
                        Importance.LOW,
                        "Adam second-moment decay, in [0, 1) (train.optimizer=adam).")
                .define(
                        TRAIN_WEIGHT_DECAY,
                        Type.DOUBLE,
                        training.weightDecay(),
                        Importance.LOW,
                        "Weight decay, >= 0: decoupled for adam, L2 for sgd.")
                .define(
                        TRAIN_PATIENCE,
                        Type.INT,
                        training.patience(),
                        Importance.LOW,
                        "Epochs without validation improvement before early stopping, >= 1.");
    }

    private static void defineScoring(ConfigDef def, ScoringParams scoring) {
        def.define(
                        TRAIN_SCALER,
                        Type.STRING,
                        scoring.scaler().name(),
                        names(ScalerChoice.values()),
                        Importance.LOW,
                        "Scaler: AUTO (none for data in [0, 1], else ZSCORE), ZSCORE, ROBUST or NONE.")
                .define(
                        TRAIN_VALIDATION_SPLIT,
                        Type.DOUBLE,
                        scoring.validationSplit(),
                        Importance.LOW,
                        "Share of each entity's latest windows held out for early stopping and calibration, in (0, 0.9).")
                .define(
                        TRAIN_THRESHOLD_QUANTILE,
                        Type.DOUBLE,
                        scoring.thresholdQuantile(),
                        Importance.MEDIUM,
                        "Validation-score quantile used as the anomaly threshold, in (0.5, 1).")
                .define(
                        TRAIN_TARGET_FALSE_ALARM_RATE,
                        Type.DOUBLE,
                        null,
                        Importance.MEDIUM,
                        "Instead of train.threshold.quantile: threshold quantile = 1 - rate, rate in (0, 0.5).")
                .define(
                        TRAIN_ERROR_NORMALISATION,
                        Type.BOOLEAN,
                        scoring.errorNormalisation(),
                        Importance.LOW,
                        "Divide each feature's squared error by its validation mean.")
                .define(
                        TRAIN_SCORE_SMOOTHING,
                        Type.INT,
                        scoring.scoreSmoothing(),
                        Importance.LOW,
                        "Span of the per-entity moving average of scores, in [1, 1000]; 1 = none.")
                .define(
                        TRAIN_TAIL_DEPTH,
                        Type.INT,
                        scoring.tailDepth(),
                        Importance.LOW,
                        "Depth of the drift tail for EVT thresholds, in [1, 1000].");
    }

    private static void defineVariants(ConfigDef def) {
        def.define(
                        TRAIN_MASKING_NOISE,
                        Type.DOUBLE,
                        DEFAULTS.denoising().maskingNoise(),
                        Importance.LOW,
                        "Denoising: fraction of inputs zeroed, in [0, 1).")
                .define(
                        TRAIN_GAUSSIAN_NOISE,
                        Type.DOUBLE,
                        DEFAULTS.denoising().gaussianNoise(),
                        Importance.LOW,
                        "Denoising: standard deviation of added Gaussian noise, >= 0 (scaled units).")
                .define(
                        TRAIN_SPARSITY,
                        Type.STRING,
                        DEFAULTS.sparsity().kind().cliName(),
                        Importance.LOW,
                        "Sparse: l1 or kl penalty on the code.")
                .define(
                        TRAIN_SPARSITY_WEIGHT,
                        Type.DOUBLE,
                        DEFAULTS.sparsity().weight(),
                        Importance.LOW,
                        "Sparse: weight of the penalty, >= 0.")
                .define(
                        TRAIN_SPARSITY_TARGET,
                        Type.DOUBLE,
                        DEFAULTS.sparsity().target(),
                        Importance.LOW,
                        "Sparse: target mean activation of the kl penalty, in (0, 1).")
                .define(
                        TRAIN_CONTRACTIVE_WEIGHT,
                        Type.DOUBLE,
                        DEFAULTS.contractive().weight(),
                        Importance.LOW,
                        "Contractive: weight of the Jacobian penalty, >= 0.")
                .define(
                        TRAIN_KL_BETA,
                        Type.DOUBLE,
                        DEFAULTS.variational().klWeight(),
                        Importance.LOW,
                        "Variational: weight beta of the KL term, >= 0.")
                .define(
                        TRAIN_VAE_SCORE,
                        Type.STRING,
                        DEFAULTS.variational().score().cliName(),
                        Importance.LOW,
                        "Variational: the score, elbo (-ELBO) or mean_error (of the mean decoding).")
                .define(
                        TRAIN_PCA_RULE,
                        Type.STRING,
                        DEFAULTS.pca().rule().cliName(),
                        Importance.LOW,
                        "PCA: anomalous when either, both, q or t2 exceeds its limit.")
                .define(
                        TRAIN_PRETRAIN,
                        Type.BOOLEAN,
                        DEFAULTS.deep().pretrain(),
                        Importance.LOW,
                        "Deep: greedy layer-wise pretraining before fine-tuning.");
    }

    private static ConfigDef.Validator names(Enum<?>[] constants) {
        return ConfigDef.CaseInsensitiveValidString.in(
                Arrays.stream(constants).map(Enum::name).toArray(String[]::new));
    }
}
