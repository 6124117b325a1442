package dev.vigil.cli;

import dev.vigil.nn.Activation;
import dev.vigil.nn.Loss;
import dev.vigil.trainer.NetworkParams;
import dev.vigil.trainer.OptimizerKind;
import dev.vigil.trainer.PcaRule;
import dev.vigil.trainer.ScalerChoice;
import dev.vigil.trainer.ScopedParameter;
import dev.vigil.trainer.ScoringParams;
import dev.vigil.trainer.SparsityKind;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingParams;
import dev.vigil.trainer.VaeScore;
import dev.vigil.trainer.Variant;
import dev.vigil.trainer.VariantParams;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The hyper-parameter flags of {@code vigil train}, one per {@link TrainerConfig} parameter. Their
 * defaults come from {@link TrainDefaults}; a value the configuration refuses fails naming the flag,
 * and a flag the chosen variant (or optimiser) does not use is refused.
 */
final class TrainFlags {
    @Option(
            names = "--variant",
            description =
                    "undercomplete, denoising, sparse, contractive, variational, deep or pca (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--seed", description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--layers",
            split = ",",
            description = "Encoder widths ending with the code, e.g. 32,16,4 (default: sized from the input).")
    int[] layers;

    @Option(names = "--window", description = "Readings per input window W (default ${DEFAULT-VALUE} = automatic).")
    int window;

    @Option(
            names = "--activation",
            description = "Hidden-layer activation: RELU, TANH, SIGMOID or IDENTITY (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Option(
            names = "--loss",
            description =
                    "Training loss: MSE, MAE or BCE (BCE needs --scaler NONE and data in [0,1]) (default: ${DEFAULT-VALUE}).")
    Loss loss;

    @Option(
            names = "--tied-weights",
            description =
                    "Decoder weights = encoder weights transposed, layer by layer (dense variants; default: ${DEFAULT-VALUE}).")
    boolean tiedWeights;

    @Option(
            names = "--code-dropout",
            paramLabel = "P",
            description =
                    "Inverted dropout rate on the code while training, in [0, 1) (dense variants; default: ${DEFAULT-VALUE}).")
    double codeDropout;

    @Option(names = "--epochs", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--learning-rate", description = "Optimiser learning rate, in (0, 10) (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--optimizer", description = "adam or sgd (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--momentum", description = "SGD momentum, in [0, 1) (--optimizer sgd; default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(
            names = "--beta1",
            description = "Adam first-moment decay, in [0, 1) (--optimizer adam; default: ${DEFAULT-VALUE}).")
    double beta1;

    @Option(
            names = "--beta2",
            description = "Adam second-moment decay, in [0, 1) (--optimizer adam; default: ${DEFAULT-VALUE}).")
    double beta2;

    @Option(
            names = "--weight-decay",
            description = "Weight decay, >= 0: decoupled for adam, L2 for sgd (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(
            names = "--patience",
            description = "Epochs without validation improvement before stopping (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(
            names = "--scaler",
            description =
                    "AUTO (none for data already in [0,1], else ZSCORE), ZSCORE, ROBUST or NONE (default: ${DEFAULT-VALUE}).")
    ScalerChoice scaler;

    @Option(
            names = "--validation-split",
            description =
                    "Share of each entity's latest windows held out for early stopping and calibration (default: ${DEFAULT-VALUE}).")
    double validationSplit;

    @Option(
            names = "--threshold-quantile",
            description =
                    "Anomaly threshold = this quantile of validation scores, in (0.5, 1) (default: ${DEFAULT-VALUE}).")
    double thresholdQuantile;

    @Option(
            names = "--target-false-alarm-rate",
            paramLabel = "RATE",
            description = "Instead of --threshold-quantile: threshold quantile = 1 - RATE, RATE in (0, 0.5).")
    Double targetFalseAlarmRate;

    @Option(
            names = "--error-normalisation",
            arity = "1",
            paramLabel = "BOOL",
            description = "Divide each feature's error by its validation mean (default: ${DEFAULT-VALUE}).")
    boolean errorNormalisation;

    @Option(
            names = "--score-smoothing",
            paramLabel = "K",
            description =
                    "Span of the per-entity moving average of scores, in [1, 1000]; 1 = none (default: ${DEFAULT-VALUE}).")
    int scoreSmoothing;

    @Option(
            names = "--tail-depth",
            description = "Depth of the drift tail for EVT thresholds, in [1, 1000] (default: ${DEFAULT-VALUE}).")
    int tailDepth;

    @Option(
            names = "--masking-noise",
            paramLabel = "NU",
            description = "Fraction of inputs zeroed, in [0, 1) (denoising; default: ${DEFAULT-VALUE}).")
    double maskingNoise;

    @Option(
            names = "--gaussian-noise",
            paramLabel = "SIGMA",
            description = "Std of added Gaussian noise, >= 0, scaled units (denoising; default: ${DEFAULT-VALUE}).")
    double gaussianNoise;

    @Option(names = "--sparsity", description = "l1 or kl penalty on the code (sparse; default: ${DEFAULT-VALUE}).")
    String sparsity;

    @Option(
            names = "--sparsity-weight",
            paramLabel = "LAMBDA",
            description = "Weight of the sparsity penalty, >= 0 (sparse; default: ${DEFAULT-VALUE}).")
    double sparsityWeight;

    @Option(
            names = "--sparsity-target",
            paramLabel = "RHO",
            description = "Target mean activation of the kl penalty, in (0, 1) (sparse; default: ${DEFAULT-VALUE}).")
    double sparsityTarget;

    @Option(
            names = "--contractive-weight",
            paramLabel = "LAMBDA",
            description = "Weight of the Jacobian penalty, >= 0 (contractive; default: ${DEFAULT-VALUE}).")
    double contractiveWeight;

    @Option(
            names = "--kl-beta",
            paramLabel = "BETA",
            description = "Weight of the KL term, >= 0 (variational; default: ${DEFAULT-VALUE}).")
    double klBeta;

    @Option(
            names = "--vae-score",
            paramLabel = "SCORE",
            description = "Score: elbo (-ELBO) or mean_error of the mean decoding (variational; default:"
                    + " ${DEFAULT-VALUE}).")
    String vaeScore;

    @Option(
            names = "--pca-rule",
            paramLabel = "RULE",
            description = "Anomalous when either, both, q or t2 exceeds its limit (pca; default: ${DEFAULT-VALUE}).")
    String pcaRule;

    @Option(names = "--pretrain", description = "Greedy layer-wise pretraining (deep; default: ${DEFAULT-VALUE}).")
    boolean pretrain;

    /** The configuration the flags describe; refuses bad values and flags the variant does not use. */
    TrainerConfig config(ParseResult parsed) {
        CommandLine cli = parsed.commandSpec().commandLine();
        if (parsed.hasMatchedOption("--target-false-alarm-rate") && parsed.hasMatchedOption("--threshold-quantile")) {
            throw new ParameterException(cli, "--target-false-alarm-rate: give it or --threshold-quantile, not both");
        }
        TrainerConfig config;
        try {
            config = build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, namingTheFlag(e.getMessage()), e);
        }
        refuseUnused(config, parsed, cli);
        return config;
    }

    private TrainerConfig build() {
        return new TrainerConfig(
                Variant.parse(variant),
                seed,
                network(),
                training(),
                scoring(),
                new VariantParams.Denoising(maskingNoise, gaussianNoise),
                new VariantParams.Sparsity(SparsityKind.parse(sparsity), sparsityWeight, sparsityTarget),
                new VariantParams.Contractive(contractiveWeight),
                new VariantParams.Variational(klBeta, VaeScore.parse(vaeScore)),
                new VariantParams.Deep(pretrain),
                new VariantParams.Pca(PcaRule.parse(pcaRule)));
    }

    private NetworkParams network() {
        NetworkParams defaults = TrainerConfig.defaults().network();
        return new NetworkParams(
                layers == null
                        ? defaults.layers()
                        : Arrays.stream(layers).boxed().toList(),
                window,
                activation,
                loss,
                tiedWeights,
                codeDropout);
    }

    private TrainingParams training() {
        return new TrainingParams(
                epochs,
                batch,
                learningRate,
                OptimizerKind.parse(optimizer),
                weightDecay,
                patience,
                momentum,
                beta1,
                beta2);
    }

    private ScoringParams scoring() {
        ScoringParams s = new ScoringParams(
                scaler, validationSplit, thresholdQuantile, errorNormalisation, scoreSmoothing, tailDepth);
        return targetFalseAlarmRate == null ? s : s.withTargetFalseAlarmRate(targetFalseAlarmRate);
    }

    /** "klWeight: must be >= 0, got -1" becomes "--kl-beta: must be >= 0, got -1". */
    static String namingTheFlag(String message) {
        int colon = message.indexOf(": ");
        if (colon < 0) {
            return message;
        }
        return TrainDefaults.flagOf(message.substring(0, colon))
                .map(flag -> flag + message.substring(colon))
                .orElse(message);
    }

    private static void refuseUnused(TrainerConfig config, ParseResult parsed, CommandLine cli) {
        for (String flag : TrainDefaults.names()) {
            ScopedParameter.of(TrainDefaults.keyOf(flag))
                    .filter(p -> parsed.hasMatchedOption(flag) && !p.appliesTo(config))
                    .ifPresent(p -> {
                        throw new ParameterException(
                                cli,
                                flag + ": applies to " + p.scope() + " only, not "
                                        + config.variant().cliName() + " with optimizer "
                                        + config.training().optimizer().cliName());
                    });
        }
    }
}
