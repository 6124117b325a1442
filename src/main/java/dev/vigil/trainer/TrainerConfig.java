package dev.vigil.trainer;

import static dev.vigil.trainer.ConfigChecks.require;

import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.nn.Loss;
import dev.vigil.trainer.VariantParams.Contractive;
import dev.vigil.trainer.VariantParams.Deep;
import dev.vigil.trainer.VariantParams.Denoising;
import dev.vigil.trainer.VariantParams.Pca;
import dev.vigil.trainer.VariantParams.Sparsity;
import dev.vigil.trainer.VariantParams.Variational;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Immutable hyper-parameters of one training run, grouped into records; each part holds its own
 * defaults and checks its own values. {@link #defaults()} suits sensor data such as ASD (19
 * features in [0,1]): automatic scaling (none for data already in [0, 1], else z-score),
 * per-feature error normalisation, an automatically sized undercomplete network, Adam, early
 * stopping on a 20% time-ordered validation tail and a threshold at the {@value
 * ScoringParams#DEFAULT_THRESHOLD_QUANTILE} quantile of validation scores. Invalid values fail on construction with an {@link IllegalArgumentException}
 * whose message starts with the parameter's key. Change a copy with the {@code with…} methods, e.g.
 * {@code defaults().withSeed(7).withNetwork(NetworkParams.defaults().withWindow(4))}.
 *
 * @param variant the autoencoder variant
 * @param seed seed of every random draw
 * @param network layers, window, activation and loss
 * @param training epochs, batch size, optimiser and early stopping
 * @param scoring scaler, validation split, threshold and score shaping
 * @param denoising corruption of the denoising variant
 * @param sparsity penalty of the sparse variant
 * @param contractive penalty of the contractive variant
 * @param variational KL weight of the variational variant
 * @param deep pretraining of the deep variant
 * @param pca how the pca variant combines its T² and Q statistics
 */
public record TrainerConfig(
        Variant variant,
        long seed,
        NetworkParams network,
        TrainingParams training,
        ScoringParams scoring,
        Denoising denoising,
        Sparsity sparsity,
        Contractive contractive,
        Variational variational,
        Deep deep,
        Pca pca) {
    /** Checks that every part is set and that the loss suits the scaler. */
    public TrainerConfig {
        require(variant != null, "variant", "must be set");
        Stream.of(network, training, scoring, denoising, sparsity, contractive, variational, deep, pca)
                .forEach(part -> Objects.requireNonNull(part, "every part of a TrainerConfig must be set"));
        require(
                network.loss() != Loss.BCE || scoring.scaler() == ScalerChoice.NONE,
                "loss",
                "BCE needs targets in [0, 1]: use scaler NONE with data already in [0, 1]");
    }

    /** The undercomplete variant, seed 42 and the defaults of every part. */
    public static TrainerConfig defaults() {
        return new TrainerConfig(
                Variant.UNDERCOMPLETE,
                42,
                NetworkParams.defaults(),
                TrainingParams.defaults(),
                ScoringParams.defaults(),
                Denoising.defaults(),
                Sparsity.defaults(),
                Contractive.defaults(),
                Variational.defaults(),
                Deep.defaults(),
                Pca.defaults());
    }

    /** A configuration with the default {@link Pca} rule (the components before it existed). */
    public TrainerConfig(
            Variant variant,
            long seed,
            NetworkParams network,
            TrainingParams training,
            ScoringParams scoring,
            Denoising denoising,
            Sparsity sparsity,
            Contractive contractive,
            Variational variational,
            Deep deep) {
        this(
                variant,
                seed,
                network,
                training,
                scoring,
                denoising,
                sparsity,
                contractive,
                variational,
                deep,
                Pca.defaults());
    }

    /** A copy training this variant. */
    public TrainerConfig withVariant(Variant variant) {
        return new TrainerConfig(
                variant, seed, network, training, scoring, denoising, sparsity, contractive, variational, deep, pca);
    }

    /** A copy drawing from this seed. */
    public TrainerConfig withSeed(long seed) {
        return new TrainerConfig(
                variant, seed, network, training, scoring, denoising, sparsity, contractive, variational, deep, pca);
    }

    /** A copy with this network. */
    public TrainerConfig withNetwork(NetworkParams network) {
        return new TrainerConfig(
                variant, seed, network, training, scoring, denoising, sparsity, contractive, variational, deep, pca);
    }

    /** A copy training like this. */
    public TrainerConfig withTraining(TrainingParams training) {
        return new TrainerConfig(
                variant, seed, network, training, scoring, denoising, sparsity, contractive, variational, deep, pca);
    }

    /** A copy scoring and calibrating like this. */
    public TrainerConfig withScoring(ScoringParams scoring) {
        return new TrainerConfig(
                variant, seed, network, training, scoring, denoising, sparsity, contractive, variational, deep, pca);
    }

    /** A copy with this denoising corruption. */
    public TrainerConfig withDenoising(Denoising denoising) {
        return new TrainerConfig(
                variant, seed, network, training, scoring, denoising, sparsity, contractive, variational, deep, pca);
    }

    /** A copy with this sparsity penalty. */
    public TrainerConfig withSparsity(Sparsity sparsity) {
        return new TrainerConfig(
                variant, seed, network, training, scoring, denoising, sparsity, contractive, variational, deep, pca);
    }

    /** A copy with this contractive penalty. */
    public TrainerConfig withContractive(Contractive contractive) {
        return new TrainerConfig(
                variant, seed, network, training, scoring, denoising, sparsity, contractive, variational, deep, pca);
    }

    /** A copy with this deep-variant pretraining. */
    public TrainerConfig withDeep(Deep deep) {
        return new TrainerConfig(
                variant, seed, network, training, scoring, denoising, sparsity, contractive, variational, deep, pca);
    }

    /** A copy with this variational KL weight and score. */
    public TrainerConfig withVariational(Variational variational) {
        return new TrainerConfig(
                variant, seed, network, training, scoring, denoising, sparsity, contractive, variational, deep, pca);
    }

    /** A copy with this PCA rule. */
    public TrainerConfig withPca(Pca pca) {
        return new TrainerConfig(
                variant, seed, network, training, scoring, denoising, sparsity, contractive, variational, deep, pca);
    }

    /** Hyper-parameters as strings, recorded in the bundle's training summary. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("variant", variant.cliName());
        m.put("layers", network.layers().stream().map(String::valueOf).collect(Collectors.joining(",")));
        m.put("window", Integer.toString(network.window()));
        m.put("epochs", Integer.toString(training.epochs()));
        m.put("batchSize", Integer.toString(training.batchSize()));
        m.put("learningRate", Double.toString(training.learningRate()));
        m.put("scaler", scoring.scaler().name());
        m.put("thresholdQuantile", Double.toString(scoring.thresholdQuantile()));
        m.put("errorNormalisation", Boolean.toString(scoring.errorNormalisation()));
        m.put(ScoreSmoothing.CONFIG_KEY, Integer.toString(scoring.scoreSmoothing()));
        m.put("tailDepth", Integer.toString(scoring.tailDepth()));
        m.put("validationSplit", Double.toString(scoring.validationSplit()));
        m.put("patience", Integer.toString(training.patience()));
        m.put("activation", network.activation().name());
        m.put("loss", network.loss().name());
        m.put("optimizer", training.optimizer().cliName());
        m.put("weightDecay", Double.toString(training.weightDecay()));
        m.putAll(optimizerSpecific());
        m.putAll(denseSpecific());
        m.putAll(variantSpecific());
        return m;
    }

    /** The parameters of this configuration's optimiser: momentum for SGD, β1 and β2 for Adam. */
    private Map<String, String> optimizerSpecific() {
        Map<String, String> m = new LinkedHashMap<>();
        if (training.optimizer() == OptimizerKind.SGD) {
            m.put("momentum", Double.toString(training.momentum()));
        } else {
            m.put("beta1", Double.toString(training.beta1()));
            m.put("beta2", Double.toString(training.beta2()));
        }
        return m;
    }

    /** Weight tying and code dropout, for the dense variants that use them. */
    private Map<String, String> denseSpecific() {
        Map<String, String> m = new LinkedHashMap<>();
        if (ScopedParameter.TIED_WEIGHTS.appliesTo(this)) {
            m.put("tiedWeights", Boolean.toString(network.tiedWeights()));
            m.put("codeDropout", Double.toString(network.codeDropout()));
        }
        return m;
    }

    /** The parameters of this configuration's variant; none for undercomplete. */
    private Map<String, String> variantSpecific() {
        return switch (variant) {
            case DENOISING -> denoising.describe();
            case SPARSE -> sparsity.describe();
            case CONTRACTIVE -> contractive.describe();
            case VARIATIONAL -> variational.describe();
            case DEEP -> deep.describe();
            case PCA -> pca.describe();
            case UNDERCOMPLETE -> Map.of();
        };
    }

    @Override
    public String toString() {
        return "TrainerConfig" + asMap();
    }
}
