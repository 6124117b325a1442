package dev.vigil.trainer;

import dev.vigil.nn.Activation;

/** The sparsity penalties of the sparse variant; {@link #cliName()} is the configuration spelling. */
public enum SparsityKind {
    /** λ · mean ‖h‖₁ on a ReLU code (the default). */
    L1,
    /** β · Σⱼ KL(ρ ‖ ρ̂ⱼ) on the mean of a sigmoid code over the batch. */
    KL;

    /** The code layer's activation this penalty needs. */
    Activation codeActivation() {
        return this == KL ? Activation.SIGMOID : Activation.RELU;
    }

    /** The penalty on a code of {@code width} units. */
    CodePenalty penalty(double weight, double target, int width) {
        return this == KL ? CodePenalty.kl(weight, target, width) : CodePenalty.l1(weight, width);
    }

    /** Lower-case name used in configurations and bundles: l1 or kl. */
    public String cliName() {
        return EnumNames.of(this);
    }

    /** Parses a lower-case name; the error starts with "sparsity:" and lists the valid names. */
    public static SparsityKind parse(String name) {
        return EnumNames.parse(SparsityKind.class, "sparsity", name);
    }
}
