package dev.vigil.trainer.service;

import static dev.vigil.trainer.service.TrainerServiceConfig.*;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * The {@code train.*} keys that set {@link TrainerConfig} parameters, and the parameter each sets.
 * Ranges are {@link TrainerConfig}'s own checks: a value it refuses fails as a {@link
 * ConfigException} naming the key, with TrainerConfig's reason.
 */
final class TrainKeys {
    /** Service key → TrainerConfig parameter key. */
    static final Map<String, String> PARAMETERS = parameters();

    private TrainKeys() {}

    private static Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TRAIN_SEED, "seed");
        m.put(TRAIN_LAYERS, "layers");
        m.put(TRAIN_ACTIVATION, "activation");
        m.put(TRAIN_LOSS, "loss");
        m.put(TRAIN_TIED_WEIGHTS, "tiedWeights");
        m.put(TRAIN_CODE_DROPOUT, "codeDropout");
        m.put(TRAIN_EPOCHS, "epochs");
        m.put(TRAIN_BATCH_SIZE, "batchSize");
        m.put(TRAIN_LEARNING_RATE, "learningRate");
        m.put(TRAIN_OPTIMIZER, "optimizer");
        m.put(TRAIN_MOMENTUM, "momentum");
        m.put(TRAIN_BETA1, "beta1");
        m.put(TRAIN_BETA2, "beta2");
        m.put(TRAIN_WEIGHT_DECAY, "weightDecay");
        m.put(TRAIN_PATIENCE, "patience");
        m.put(TRAIN_SCALER, "scaler");
        m.put(TRAIN_VALIDATION_SPLIT, "validationSplit");
        m.put(TRAIN_THRESHOLD_QUANTILE, "thresholdQuantile");
        m.put(TRAIN_TARGET_FALSE_ALARM_RATE, "targetFalseAlarmRate");
        m.put(TRAIN_ERROR_NORMALISATION, "errorNormalisation");
        m.put(TRAIN_SCORE_SMOOTHING, "scoreSmoothing");
        m.put(TRAIN_TAIL_DEPTH, "tailDepth");
        m.put(TRAIN_MASKING_NOISE, "maskingNoise");
        m.put(TRAIN_GAUSSIAN_NOISE, "gaussianNoise");
        m.put(TRAIN_SPARSITY, "sparsity");
        m.put(TRAIN_SPARSITY_WEIGHT, "sparsityWeight");
        m.put(TRAIN_SPARSITY_TARGET, "sparsityTarget");
        m.put(TRAIN_CONTRACTIVE_WEIGHT, "contractiveWeight");
        m.put(TRAIN_KL_BETA, "klWeight");
        m.put(TRAIN_VAE_SCORE, "vaeScore");
        m.put(TRAIN_PCA_RULE, "pcaRule");
        m.put(TRAIN_PRETRAIN, "pretrain");
        return m;
    }

    /** The configuration the keys describe, for the default variant. */
    static TrainerConfig trainerConfig(AbstractConfig c) {
        if (c.originals().containsKey(TRAIN_TARGET_FALSE_ALARM_RATE)
                && c.originals().containsKey(TRAIN_THRESHOLD_QUANTILE)) {
            throw new ConfigException(
                    TRAIN_TARGET_FALSE_ALARM_RATE,
                    c.getDouble(TRAIN_TARGET_FALSE_ALARM_RATE),
                    "set it or " + TRAIN_THRESHOLD_QUANTILE + ", not both");
        }
        try {
            return build(c);
        } catch (IllegalArgumentException e) {
            throw namingTheKey(c, e.getMessage());
        }
    }

    private static TrainerConfig build(AbstractConfig c) {
        return new TrainerConfig(
                TrainerConfig.defaults().variant(),
                c.getLong(TRAIN_SEED),
                network(c),
                training(c),
                scoring(c),
                new VariantParams.Denoising(c.getDouble(TRAIN_MASKING_NOISE), c.getDouble(TRAIN_GAUSSIAN_NOISE)),
                new VariantParams.Sparsity(
                        SparsityKind.parse(c.getString(TRAIN_SPARSITY)),
                        c.getDouble(TRAIN_SPARSITY_WEIGHT),
                        c.getDouble(TRAIN_SPARSITY_TARGET)),
                new VariantParams.Contractive(c.getDouble(TRAIN_CONTRACTIVE_WEIGHT)),
                new VariantParams.Variational(c.getDouble(TRAIN_KL_BETA), VaeScore.parse(c.getString(TRAIN_VAE_SCORE))),
                new VariantParams.Deep(c.getBoolean(TRAIN_PRETRAIN)),
                new VariantParams.Pca(PcaRule.parse(c.getString(TRAIN_PCA_RULE))));
    }

    private static NetworkParams network(AbstractConfig c) {
        return new NetworkParams(
                c.getList(TRAIN_LAYERS).stream().map(Integer::valueOf).toList(),
                TrainerConfig.defaults().network().window(),
                Activation.valueOf(upper(c.getString(TRAIN_ACTIVATION))),
                Loss.valueOf(upper(c.getString(TRAIN_LOSS))),
                c.getBoolean(TRAIN_TIED_WEIGHTS),
                c.getDouble(TRAIN_CODE_DROPOUT));
    }

    private static TrainingParams training(AbstractConfig c) {
        return new TrainingParams(
                c.getInt(TRAIN_EPOCHS),
                c.getInt(TRAIN_BATCH_SIZE),
                c.getDouble(TRAIN_LEARNING_RATE),
                OptimizerKind.parse(c.getString(TRAIN_OPTIMIZER)),
                c.getDouble(TRAIN_WEIGHT_DECAY),
                c.getInt(TRAIN_PATIENCE),
                c.getDouble(TRAIN_MOMENTUM),
                c.getDouble(TRAIN_BETA1),
                c.getDouble(TRAIN_BETA2));
    }

    private static ScoringParams scoring(AbstractConfig c) {
        ScoringParams s = new ScoringParams(
                ScalerChoice.valueOf(upper(c.getString(TRAIN_SCALER))),
                c.getDouble(TRAIN_VALIDATION_SPLIT),
                c.getDouble(TRAIN_THRESHOLD_QUANTILE),
                c.getBoolean(TRAIN_ERROR_NORMALISATION),
                c.getInt(TRAIN_SCORE_SMOOTHING),
                c.getInt(TRAIN_TAIL_DEPTH));
        Double rate = c.getDouble(TRAIN_TARGET_FALSE_ALARM_RATE);
        return rate == null ? s : s.withTargetFalseAlarmRate(rate);
    }

    private static String upper(String name) {
        return name.trim().toUpperCase(Locale.ROOT);
    }

    /** "klWeight: must be >= 0, got -1.0" becomes a ConfigException for {@code train.kl.beta}. */
    private static ConfigException namingTheKey(AbstractConfig c, String message) {
        int colon = message.indexOf(": ");
        String parameter = colon < 0 ? "" : message.substring(0, colon);
        return PARAMETERS.entrySet().stream()
                .filter(e -> e.getValue().equals(parameter))
                .findFirst()
                .map(e -> new ConfigException(e.getKey(), c.originals().get(e.getKey()), message.substring(colon + 2)))
                .orElseGet(() -> new ConfigException(message));
    }

    /**
     * Refuses a key set explicitly whose parameter none of the candidate variants ({@code
     * train.variants}, with {@code train.optimizer}) uses.
     */
    static void refuseUnused(AbstractConfig c, TrainerConfig base) {
        List<Variant> variants =
                c.getList(TRAIN_VARIANTS).stream().map(Variant::parse).toList();
        for (Map.Entry<String, String> key : PARAMETERS.entrySet()) {
            if (!c.originals().containsKey(key.getKey())) {
                continue;
            }
            ScopedParameter.of(key.getValue())
                    .filter(p -> variants.stream().noneMatch(v -> p.appliesTo(base.withVariant(v))))
                    .ifPresent(p -> {
                        throw new ConfigException(
                                key.getKey(),
                                c.originals().get(key.getKey()),
                                "applies to " + p.scope() + " only, which none of " + TRAIN_VARIANTS + " "
                                        + c.getList(TRAIN_VARIANTS) + " with " + TRAIN_OPTIMIZER + " "
                                        + base.training().optimizer().cliName() + " uses");
                    });
        }
    }
}
