package dev.vigil.cli;

import dev.vigil.trainer.NetworkParams;
import dev.vigil.trainer.PcaRule;
import dev.vigil.trainer.ScalerChoice;
import dev.vigil.trainer.ScoringParams;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingParams;
import dev.vigil.trainer.VaeScore;
import dev.vigil.trainer.Variant;
import dev.vigil.trainer.VariantParams;
import picocli.CommandLine.Option;

/** The training options of {@code vigil evaluate}: each one left out keeps the trainer's default. */
final class TrainerOptions {
    @Option(names = "--variant", description = "Autoencoder variant (default: the trainer's).")
    String variant;

    @Option(names = "--window", description = "Window length W in rows (default: the trainer's).")
    Integer window;

    @Option(names = "--epochs", description = "Training epochs (default: the trainer's).")
    Integer epochs;

    @Option(names = "--scaler", description = "${COMPLETION-CANDIDATES} (default: the trainer's).")
    ScalerChoice scaler;

    @Option(names = "--threshold-quantile", description = "Quantile of validation scores used as threshold.")
    Double thresholdQuantile;

    @Option(
            names = "--error-normalisation",
            arity = "1",
            paramLabel = "BOOL",
            description = "Divide each feature's error by its validation mean (default: the trainer's, true).")
    Boolean errorNormalisation;

    @Option(
            names = "--score-smoothing",
            paramLabel = "K",
            description = "Span of the per-entity moving average of scores; 1 = none (default: the trainer's, 3).")
    Integer scoreSmoothing;

    @Option(
            names = "--vae-score",
            paramLabel = "SCORE",
            description = "Score of the variational variant: elbo or mean_error (default: the trainer's, elbo).")
    String vaeScore;

    @Option(
            names = "--pca-rule",
            paramLabel = "RULE",
            description = "How the pca variant combines T2 and Q: either, both, q or t2 (default: the trainer's,"
                    + " either).")
    String pcaRule;

    /** The trainer's defaults with the options given and {@code seed}. */
    TrainerConfig config(long seed) {
        TrainerConfig defaults = TrainerConfig.defaults();
        return defaults.withVariant(variant == null ? defaults.variant() : Variant.parse(variant))
                .withSeed(seed)
                .withNetwork(network(defaults.network()))
                .withTraining(training(defaults.training()))
                .withScoring(scoring(defaults.scoring()))
                .withVariational(
                        vaeScore == null
                                ? defaults.variational()
                                : defaults.variational().withScore(VaeScore.parse(vaeScore)))
                .withPca(pcaRule == null ? defaults.pca() : new VariantParams.Pca(PcaRule.parse(pcaRule)));
    }

    private NetworkParams network(NetworkParams network) {
        return window == null ? network : network.withWindow(window);
    }

    private TrainingParams training(TrainingParams training) {
        return epochs == null ? training : training.withEpochs(epochs);
    }

    private ScoringParams scoring(ScoringParams scoring) {
        ScoringParams s = scaler == null ? scoring : scoring.withScaler(scaler);
        s = thresholdQuantile == null ? s : s.withThresholdQuantile(thresholdQuantile);
        s = scoreSmoothing == null ? s : s.withScoreSmoothing(scoreSmoothing);
        return errorNormalisation == null ? s : s.withErrorNormalisation(errorNormalisation);
    }
}
