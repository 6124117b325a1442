package dev.vigil.trainer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parameters of a {@link TrainerConfig} that only some variants, or only one optimiser, use; a
 * parameter not listed here applies to every variant. The command line refuses such a parameter
 * given for a variant (or optimiser) that does not use it, and the trainer service one that none of
 * its candidate variants uses, so a setting is never silently ignored.
 */
public enum ScopedParameter {
    MASKING_NOISE("maskingNoise", EnumSet.of(Variant.DENOISING)),
    GAUSSIAN_NOISE("gaussianNoise", EnumSet.of(Variant.DENOISING)),
    SPARSITY("sparsity", EnumSet.of(Variant.SPARSE)),
    SPARSITY_WEIGHT("sparsityWeight", EnumSet.of(Variant.SPARSE)),
    SPARSITY_TARGET("sparsityTarget", EnumSet.of(Variant.SPARSE)),
    CONTRACTIVE_WEIGHT("contractiveWeight", EnumSet.of(Variant.CONTRACTIVE)),
    KL_WEIGHT("klWeight", EnumSet.of(Variant.VARIATIONAL)),
    VAE_SCORE("vaeScore", EnumSet.of(Variant.VARIATIONAL)),
    PCA_RULE("pcaRule", EnumSet.of(Variant.PCA)),
    PRETRAIN("pretrain", EnumSet.of(Variant.DEEP)),
    TIED_WEIGHTS("tiedWeights", ParameterSets.DENSE),
    CODE_DROPOUT("codeDropout", ParameterSets.DENSE),
    MOMENTUM("momentum", OptimizerKind.SGD),
    BETA1("beta1", OptimizerKind.ADAM),
    BETA2("beta2", OptimizerKind.ADAM);

    private final String key;
    private final Set<Variant> variants;
    private final OptimizerKind optimizer;

    ScopedParameter(String key, Set<Variant> variants) {
        this.key = key;
        this.variants = variants;
        this.optimizer = null;
    }

    ScopedParameter(String key, OptimizerKind optimizer) {
        this.key = key;
        this.variants = EnumSet.allOf(Variant.class);
        this.optimizer = optimizer;
    }

    /** The key that {@link TrainerConfig#asMap()} and validation messages use, e.g. {@code klWeight}. */
    public String key() {
        return key;
    }

    /** The variants that use this parameter. */
    public Set<Variant> variants() {
        return EnumSet.copyOf(variants);
    }

    /** Whether {@code config}'s variant and optimiser use this parameter. */
    public boolean appliesTo(TrainerConfig config) {
        return variants.contains(config.variant())
                && (optimizer == null || config.training().optimizer() == optimizer);
    }

    /** Where it applies, for messages: "variant denoising" or "optimizer sgd". */
    public String scope() {
        if (optimizer != null) {
            return "optimizer " + optimizer.cliName();
        }
        String names = variants.stream().map(Variant::cliName).collect(Collectors.joining(", "));
        return (variants.size() == 1 ? "variant " : "variants ") + names;
    }

    /** The scoped parameter with this key, if it is one. */
    public static Optional<ScopedParameter> of(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    /** Variant sets shared by several constants (an enum cannot refer to its own static fields). */
    private static final class ParameterSets {
        static final Set<Variant> DENSE =
                EnumSet.of(Variant.UNDERCOMPLETE, Variant.DENOISING, Variant.SPARSE, Variant.CONTRACTIVE, Variant.DEEP);
    }
}
