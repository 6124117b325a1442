package dev.vigil.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.nn.Activation;
import dev.vigil.nn.Loss;
import dev.vigil.trainer.OptimizerKind;
import dev.vigil.trainer.PcaRule;
import dev.vigil.trainer.ScalerChoice;
import dev.vigil.trainer.SparsityKind;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.VaeScore;
import dev.vigil.trainer.VariantParams;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The trainer service's {@code train.*} hyper-parameter keys: defaults, mapping, refusals. */
class TrainKeysTest {
    private static final TrainerConfig DEFAULTS = TrainerConfig.defaults();

    private static Map<String, String> minimal() {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", "localhost:9092");
        values.put("model.group", "pumps");
        return values;
    }

    private static TrainerConfig trainerConfig(String... keysAndValues) {
        Map<String, String> values = minimal();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new TrainerServiceConfig(values).trainerConfig();
    }

    private static String failure(String... keysAndValues) {
        return assertThrows(ConfigException.class, () -> trainerConfig(keysAndValues))
                .getMessage();
    }

    @Test
    void unsetKeysKeepTrainerConfigDefaultsBesideTheServicesShorterEpochs() {
        TrainerConfig service = trainerConfig();
        assertEquals(30, service.training().epochs());
        assertEquals(DEFAULTS.withTraining(DEFAULTS.training().withEpochs(30)), service);
    }

    @Test
    void theKnobTableOfTheTrainingDocListsEveryKey() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/TRAINING.md"));
        for (String key : TrainKeys.PARAMETERS.keySet()) {
            assertTrue(doc.contains("| `" + key + "` |"), key + " is not in the knob table");
        }
    }

    @Test
    void everySharedKeyReachesTheConfig() {
        TrainerConfig expected = DEFAULTS.withSeed(9)
                .withNetwork(DEFAULTS.network()
                        .withLayers(6, 3)
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
                        .withTailDepth(30));
        assertEquals(
                expected,
                trainerConfig(
                        "train.seed", "9",
                        "train.layers", "6,3",
                        "train.activation", "tanh",
                        "train.loss", "MAE",
                        "train.tied.weights", "true",
                        "train.code.dropout", "0.25",
                        "train.epochs", "7",
                        "train.batch.size", "32",
                        "train.learning.rate", "0.02",
                        "train.optimizer", "sgd",
                        "train.momentum", "0.8",
                        "train.weight.decay", "0.001",
                        "train.patience", "4",
                        "train.scaler", "zscore",
                        "train.validation.split", "0.3",
                        "train.target.false.alarm.rate", "0.01",
                        "train.error.normalisation", "false",
                        "train.score.smoothing", "5",
                        "train.tail.depth", "30"));
    }

    @Test
    void everyVariantKeyReachesTheConfig() {
        TrainerConfig expected = DEFAULTS.withTraining(
                        DEFAULTS.training().withEpochs(30).withAdamBetas(0.8, 0.99))
                .withScoring(DEFAULTS.scoring().withThresholdQuantile(0.99))
                .withDenoising(new VariantParams.Denoising(0.3, 0.05))
                .withSparsity(new VariantParams.Sparsity(SparsityKind.KL, 0.2, 0.1))
                .withContractive(new VariantParams.Contractive(0.3))
                .withVariational(new VariantParams.Variational(0.5, VaeScore.MEAN_ERROR))
                .withDeep(new VariantParams.Deep(true))
                .withPca(new VariantParams.Pca(PcaRule.BOTH));
        assertEquals(
                expected,
                trainerConfig(
                        "train.variants", "denoising,sparse,contractive,variational,deep,pca",
                        "train.adam.beta1", "0.8",
                        "train.adam.beta2", "0.99",
                        "train.threshold.quantile", "0.99",
                        "train.masking.noise", "0.3",
                        "train.gaussian.noise", "0.05",
                        "train.sparsity", "kl",
                        "train.sparsity.weight", "0.2",
                        "train.sparsity.target", "0.1",
                        "train.contractive.weight", "0.3",
                        "train.kl.beta", "0.5",
                        "train.vae.score", "mean_error",
                        "train.pca.rule", "both",
                        "train.pretrain", "true"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "train.code.dropout|1.5|must be in [0, 1), got 1.5",
                "train.batch.size|0|must be >= 1, got 0",
                "train.learning.rate|10|must be in (0, 10), got 10.0",
                "train.optimizer|rmsprop|unknown optimizer 'rmsprop'; choose one of adam, sgd",
                "train.adam.beta1|1|must be in [0, 1), got 1.0",
                "train.adam.beta2|-0.5|must be in [0, 1), got -0.5",
                "train.weight.decay|-1|must be >= 0, got -1.0",
                "train.patience|0|must be >= 1, got 0",
                "train.validation.split|0.95|must be in (0, 0.9), got 0.95",
                "train.threshold.quantile|0.5|must be in (0.5, 1), got 0.5",
                "train.target.false.alarm.rate|0.6|must be in (0, 0.5), got 0.6",
                "train.score.smoothing|0|must be in [1, 1000], got 0",
                "train.tail.depth|1001|must be in [1, 1000], got 1001",
                "train.masking.noise|1|must be in [0, 1), got 1.0",
                "train.gaussian.noise|-0.1|must be >= 0, got -0.1",
                "train.sparsity|l2|unknown sparsity 'l2'; choose one of l1, kl",
                "train.sparsity.weight|-1|must be >= 0, got -1.0",
                "train.sparsity.target|0|must be in (0, 1), got 0.0",
                "train.contractive.weight|-1|must be >= 0, got -1.0",
                "train.kl.beta|-1|must be >= 0, got -1.0",
                "train.vae.score|nll|unknown vaeScore 'nll'",
                "train.activation|swish|String must be one of",
            })
    void anOutOfRangeValueIsRefusedNamingTheKeyAndTheReason(String key, String value, String reason) {
        String message = failure("train.variants", "denoising,sparse,contractive,variational", key, value);
        assertTrue(message.contains("configuration " + key + ":"), message);
        assertTrue(message.contains(reason), message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "train.kl.beta|0.5|applies to variant variational only",
                "train.sparsity.weight|0.1|applies to variant sparse only",
                "train.contractive.weight|0.1|applies to variant contractive only",
                "train.masking.noise|0.2|applies to variant denoising only",
                "train.pretrain|true|applies to variant deep only",
                "train.vae.score|mean_error|applies to variant variational only",
                "train.momentum|0.5|applies to optimizer sgd only",
            })
    void aKeyNoCandidateVariantUsesIsRefused(String key, String value, String reason) {
        String message = failure("train.variants", "undercomplete,pca", key, value);
        assertTrue(message.contains("configuration " + key + ":"), message);
        assertTrue(message.contains(reason + ", which none of train.variants [undercomplete, pca]"), message);
    }

    @Test
    void tiedWeightsForVariationalAloneAndBothThresholdKeysAreRefused() {
        String tied = failure("train.variants", "variational,pca", "train.tied.weights", "true");
        assertTrue(tied.contains("train.tied.weights") && tied.contains("applies to variants undercomplete"), tied);
        String both = failure("train.threshold.quantile", "0.99", "train.target.false.alarm.rate", "0.01");
        assertTrue(both.contains("set it or train.threshold.quantile, not both"), both);
    }
}
