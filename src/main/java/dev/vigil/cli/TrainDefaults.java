package dev.vigil.cli;

import dev.vigil.trainer.TrainerConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of {@code vigil train}'s training flags, read from {@link TrainerConfig#defaults()} so
 * that the command never restates them (and {@code --help} shows them), plus the {@link
 * TrainerConfig} parameter key each flag sets, which turns a validation message naming the key into
 * one naming the flag.
 */
public final class TrainDefaults implements IDefaultValueProvider {
    private static final Map<String, Flag> FLAGS = flags();

    /** One flag: the parameter key it sets and its default (null: none, e.g. automatic layers). */
    private record Flag(String key, Function<TrainerConfig, Object> value) {}

    private static Map<String, Flag> flags() {
        Map<String, Flag> m = new LinkedHashMap<>();
        m.put("--variant", new Flag("variant", c -> c.variant().cliName()));
        m.put("--seed", new Flag("seed", TrainerConfig::seed));
        m.put("--layers", new Flag("layers", c -> null));
        m.put("--window", new Flag("window", c -> c.network().window()));
        m.put("--activation", new Flag("activation", c -> c.network().activation()));
        m.put("--loss", new Flag("loss", c -> c.network().loss()));
        m.put("--tied-weights", new Flag("tiedWeights", c -> c.network().tiedWeights()));
        m.put("--code-dropout", new Flag("codeDropout", c -> c.network().codeDropout()));
        m.put("--epochs", new Flag("epochs", c -> c.training().epochs()));
        m.put("--batch", new Flag("batchSize", c -> c.training().batchSize()));
        m.put("--learning-rate", new Flag("learningRate", c -> c.training().learningRate()));
        m.put("--optimizer", new Flag("optimizer", c -> c.training().optimizer().cliName()));
        m.put("--momentum", new Flag("momentum", c -> c.training().momentum()));
        m.put("--beta1", new Flag("beta1", c -> c.training().beta1()));
        m.put("--beta2", new Flag("beta2", c -> c.training().beta2()));
        m.put("--weight-decay", new Flag("weightDecay", c -> c.training().weightDecay()));
        m.put("--patience", new Flag("patience", c -> c.training().patience()));
        m.put("--scaler", new Flag("scaler", c -> c.scoring().scaler()));
        m.put("--validation-split", new Flag("validationSplit", c -> c.scoring().validationSplit()));
        m.put("--threshold-quantile", new Flag("thresholdQuantile", c -> c.scoring()
                .thresholdQuantile()));
        m.put("--target-false-alarm-rate", new Flag("targetFalseAlarmRate", c -> null));
        m.put("--error-normalisation", new Flag("errorNormalisation", c -> c.scoring()
                .errorNormalisation()));
        m.put("--score-smoothing", new Flag("scoreSmoothing", c -> c.scoring().scoreSmoothing()));
        m.put("--tail-depth", new Flag("tailDepth", c -> c.scoring().tailDepth()));
        m.put("--masking-noise", new Flag("maskingNoise", c -> c.denoising().maskingNoise()));
        m.put("--gaussian-noise", new Flag("gaussianNoise", c -> c.denoising().gaussianNoise()));
        m.put("--sparsity", new Flag("sparsity", c -> c.sparsity().kind().cliName()));
        m.put("--sparsity-weight", new Flag("sparsityWeight", c -> c.sparsity().weight()));
        m.put("--sparsity-target", new Flag("sparsityTarget", c -> c.sparsity().target()));
        m.put("--contractive-weight", new Flag("contractiveWeight", c -> c.contractive()
                .weight()));
        m.put("--kl-beta", new Flag("klWeight", c -> c.variational().klWeight()));
        m.put("--vae-score", new Flag("vaeScore", c -> c.variational().score().cliName()));
        m.put("--pca-rule", new Flag("pcaRule", c -> c.pca().rule().cliName()));
        m.put("--pretrain", new Flag("pretrain", c -> c.deep().pretrain()));
        return m;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || !FLAGS.containsKey(option.longestName())) {
            return null;
        }
        Object value = FLAGS.get(option.longestName()).value().apply(TrainerConfig.defaults());
        return value == null ? null : value.toString();
    }

    /** Every training flag, in help order. */
    static Iterable<String> names() {
        return FLAGS.keySet();
    }

    /** The {@link TrainerConfig} parameter key {@code flag} sets. */
    static String keyOf(String flag) {
        return FLAGS.get(flag).key();
    }

    /** The flag that sets parameter {@code key}, if one does. */
    static Optional<String> flagOf(String key) {
        return FLAGS.entrySet().stream()
                .filter(e -> e.getValue().key().equals(key))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
