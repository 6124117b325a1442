package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.nn.Activation;
import dev.vigil.nn.Loss;
import dev.vigil.trainer.OptimizerKind;
import dev.vigil.trainer.PcaRule;
import dev.vigil.trainer.ScalerChoice;
import dev.vigil.trainer.ScoringParams;
import dev.vigil.trainer.SparsityKind;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.VaeScore;
import dev.vigil.trainer.Variant;
import dev.vigil.trainer.VariantParams;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code vigil train}'s hyper-parameter flags: defaults from TrainerConfig, every flag reaching it, refusals. */
class TrainFlagsTest {
    private static final TrainerConfig DEFAULTS = TrainerConfig.defaults();

    private static TrainerConfig parse(String... flags) {
        CommandLine cli = VigilCommand.commandLine();
        List<String> args = new ArrayList<>(List.of("train", "--data", "none.csv", "--out", "m.bundle"));
        args.addAll(List.of(flags));
        cli.parseArgs(args.toArray(String[]::new));
        TrainCommand train = cli.getSubcommands().get("train").getCommand();
        return train.config();
    }

    /** Runs {@code vigil train} with {@code flags}; returns the exit code and what went to stderr. */
    private static String refusal(String... flags) {
        StringWriter err = new StringWriter();
        CommandLine cli = VigilCommand.commandLine().setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("train", "--data", "none.csv", "--out", "m.bundle"));
        args.addAll(List.of(flags));
        int code = cli.execute(args.toArray(String[]::new));
        assertEquals(2, code, err.toString());
        return err.toString();
    }

    @Test
    void withoutFlagsTheCommandTrainsWithTrainerConfigDefaults() {
        assertEquals(DEFAULTS, parse());
    }

    @Test
    void helpShowsTheDefaultsOfTrainerConfig() {
        String help = VigilCommand.commandLine()
                .getSubcommands()
                .get("train")
                .getUsageMessage()
                .replaceAll("\\s+", " ");
        assertTrue(help.contains("default: " + ScoringParams.DEFAULT_THRESHOLD_QUANTILE), help);
        assertTrue(
                help.contains("(variational; default: " + DEFAULTS.variational().klWeight() + ")"), help);
        assertTrue(help.contains("(denoising; default: " + DEFAULTS.denoising().maskingNoise() + ")"), help);
        assertTrue(
                help.contains("--optimizer sgd; default: " + DEFAULTS.training().momentum()), help);
        assertTrue(help.contains("--code-dropout=P"), help);
    }

    @Test
    void theKnobTableOfTheTrainingDocListsEveryFlagWithItsDefault() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/TRAINING.md"));
        TrainDefaults defaults = new TrainDefaults();
        CommandLine.Model.CommandSpec train =
                VigilCommand.commandLine().getSubcommands().get("train").getCommandSpec();
        for (String flag : TrainDefaults.names()) {
            int row = doc.indexOf("| `" + flag + "` |");
            assertTrue(row >= 0, flag + " is not in the knob table");
            String[] cells = doc.substring(row, doc.indexOf('\n', row)).split("\\|");
            String documented = cells[3].trim().split(" ")[0];
            String actual = defaults.defaultValue(train.findOption(flag));
            if (actual != null) {
                assertTrue(sameValue(actual, documented), flag + ": documented " + documented + ", default " + actual);
            }
        }
    }

    private static boolean sameValue(String actual, String documented) {
        try {
            return Double.parseDouble(actual) == Double.parseDouble(documented);
        } catch (NumberFormatException e) {
            return actual.equalsIgnoreCase(documented);
        }
    }

    @Test
    void sharedAndDenoisingFlagsReachTheConfig() {
        TrainerConfig expected = DEFAULTS.withVariant(Variant.DENOISING)
                .withSeed(9)
                .withNetwork(DEFAULTS.network()
                        .withLayers(6, 3)
                        .withWindow(2)
                        .withActivation(Activation.TANH)
                        .withLoss(Loss.MAE)
                        .withTiedWeights(true)
                        .withCodeDropout(0.25))
                .withTraining(DEFAULTS.training()
                        .withEpochs(7)
                        .withBatchSize(32)
                        .withLearningRate(0.02)
                        .withOptimizer(OptimizerKind.SGD)
                        .withMomentum(0.8)
                        .withWeightDecay(0.001)
                        .withPatience(4))
                .withScoring(DEFAULTS.scoring()
                        .withScaler(ScalerChoice.ZSCORE)
                        .withValidationSplit(0.3)
                        .withTargetFalseAlarmRate(0.01)
                        .withErrorNormalisation(false)
                        .withScoreSmoothing(5)
                        .withTailDepth(30))
                .withDenoising(new VariantParams.Denoising(0.3, 0.05));
        assertEquals(
                expected,
                parse(
                        "--variant",
                        "denoising",
                        "--seed",
                        "9",
                        "--layers",
                        "6,3",
                        "--window",
                        "2",
                        "--activation",
                        "TANH",
                        "--loss",
                        "MAE",
                        "--tied-weights",
                        "--code-dropout",
                        "0.25",
                        "--epochs",
                        "7",
                        "--batch",
                        "32",
                        "--learning-rate",
                        "0.02",
                        "--optimizer",
                        "sgd",
                        "--momentum",
                        "0.8",
                        "--weight-decay",
                        "0.001",
                        "--patience",
                        "4",
                        "--scaler",
                        "ZSCORE",
                        "--validation-split",
                        "0.3",
                        "--target-false-alarm-rate",
                        "0.01",
                        "--error-normalisation",
                        "false",
                        "--score-smoothing",
                        "5",
                        "--tail-depth",
                        "30",
                        "--masking-noise",
                        "0.3",
                        "--gaussian-noise",
                        "0.05"));
    }

    @Test
    void sparseFlagsAndAdamBetasReachTheConfig() {
        TrainerConfig expected = DEFAULTS.withVariant(Variant.SPARSE)
                .withSparsity(new VariantParams.Sparsity(SparsityKind.KL, 0.2, 0.1))
                .withTraining(DEFAULTS.training().withAdamBetas(0.8, 0.99))
                .withScoring(DEFAULTS.scoring().withThresholdQuantile(0.99));
        assertEquals(
                expected,
                parse(
                        "--variant",
                        "sparse",
                        "--sparsity",
                        "kl",
                        "--sparsity-weight",
                        "0.2",
                        "--sparsity-target",
                        "0.1",
                        "--beta1",
                        "0.8",
                        "--beta2",
                        "0.99",
                        "--threshold-quantile",
                        "0.99"));
    }

    @Test
    void contractiveVariationalAndDeepFlagsReachTheConfig() {
        assertEquals(
                DEFAULTS.withVariant(Variant.CONTRACTIVE).withContractive(new VariantParams.Contractive(0.3)),
                parse("--variant", "contractive", "--contractive-weight", "0.3"));
        assertEquals(
                DEFAULTS.withVariant(Variant.VARIATIONAL).withVariational(new VariantParams.Variational(0.5)),
                parse("--variant", "variational", "--kl-beta", "0.5"));
        assertEquals(
                DEFAULTS.withVariant(Variant.VARIATIONAL)
                        .withVariational(VariantParams.Variational.defaults().withScore(VaeScore.MEAN_ERROR)),
                parse("--variant", "variational", "--vae-score", "mean_error"));
        assertEquals(
                DEFAULTS.withVariant(Variant.PCA).withPca(new VariantParams.Pca(PcaRule.Q)),
                parse("--variant", "pca", "--pca-rule", "q"));
        assertEquals(
                DEFAULTS.withVariant(Variant.DEEP).withDeep(new VariantParams.Deep(true)),
                parse("--variant", "deep", "--pretrain"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--code-dropout 1.5|--code-dropout: must be in [0, 1), got 1.5",
                "--masking-noise 1 --variant denoising|--masking-noise: must be in [0, 1), got 1.0",
                "--gaussian-noise -0.1 --variant denoising|--gaussian-noise: must be >= 0, got -0.1",
                "--sparsity-target 1 --variant sparse|--sparsity-target: must be in (0, 1), got 1.0",
                "--sparsity-weight -1 --variant sparse|--sparsity-weight: must be >= 0, got -1.0",
                "--sparsity l2 --variant sparse|--sparsity: unknown sparsity 'l2'; choose one of l1, kl",
                "--contractive-weight -1 --variant contractive|--contractive-weight: must be >= 0, got -1.0",
                "--kl-beta -0.5 --variant variational|--kl-beta: must be >= 0, got -0.5",
                "--vae-score nll --variant variational|--vae-score: unknown vaeScore 'nll'",
                "--pca-rule spe --variant pca|--pca-rule: unknown pcaRule 'spe'",
                "--momentum 1 --optimizer sgd|--momentum: must be in [0, 1), got 1.0",
                "--beta1 1|--beta1: must be in [0, 1), got 1.0",
                "--beta2 -0.1|--beta2: must be in [0, 1), got -0.1",
                "--optimizer rmsprop|--optimizer: unknown optimizer 'rmsprop'; choose one of adam, sgd",
                "--weight-decay -1|--weight-decay: must be >= 0, got -1.0",
                "--patience 0|--patience: must be >= 1, got 0",
                "--learning-rate 0|--learning-rate: must be in (0, 10), got 0.0",
                "--target-false-alarm-rate 0.7|--target-false-alarm-rate: must be in (0, 0.5), got 0.7",
                "--threshold-quantile 1|--threshold-quantile: must be in (0.5, 1), got 1.0",
                "--score-smoothing 0|--score-smoothing: must be in [1, 1000], got 0",
                "--tail-depth 0|--tail-depth: must be in [1, 1000], got 0",
            })
    void anOutOfRangeValueIsRefusedNamingTheFlagAndTheReason(String flags, String message) {
        String err = refusal(flags.split(" "));
        assertTrue(err.contains(message), err);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--kl-beta 0.5 --variant denoising|--kl-beta: applies to variant variational only, not denoising",
                "--masking-noise 0.2|--masking-noise: applies to variant denoising only, not undercomplete",
                "--sparsity kl --variant deep|--sparsity: applies to variant sparse only, not deep",
                "--pretrain|--pretrain: applies to variant deep only, not undercomplete",
                "--vae-score mean_error|--vae-score: applies to variant variational only, not undercomplete",
                "--pca-rule q --variant deep|--pca-rule: applies to variant pca only, not deep",
                "--tied-weights --variant variational|--tied-weights: applies to variants undercomplete, denoising,"
                        + " sparse, contractive, deep only, not variational",
                "--code-dropout 0.1 --variant pca|--code-dropout: applies to variants undercomplete",
                "--momentum 0.5|--momentum: applies to optimizer sgd only, not undercomplete with optimizer adam",
                "--beta1 0.5 --optimizer sgd|--beta1: applies to optimizer adam only",
                "--threshold-quantile 0.99 --target-false-alarm-rate 0.01|give it or --threshold-quantile, not both",
            })
    void aFlagTheVariantDoesNotUseIsRefused(String flags, String message) {
        String err = refusal(flags.split(" "));
        assertTrue(err.contains(message), err);
    }
}
