package dev.vigil.trainer;

/** The autoencoder variants; {@link #cliName()} is the command-line and bundle spelling. */
public enum Variant {
    /** Code smaller than the input (the default). */
    UNDERCOMPLETE,
    /** Rebuilds the clean input from a corrupted one (masking and Gaussian noise). */
    DENOISING,
    /** L1 or KL sparsity penalty on the code. */
    SPARSE,
    /** Penalty on the squared Frobenius norm of the code layer's Jacobian. */
    CONTRACTIVE,
    /** Gaussian latent code with reparameterisation and a KL term to N(0, I). */
    VARIATIONAL,
    /** Several hidden layers, optionally pretrained greedily layer by layer. */
    DEEP,
    /** Linear baseline: principal component analysis (score = squared prediction error). */
    PCA;

    /** Lower-case name used on the command line and in bundles. */
    public String cliName() {
        return EnumNames.of(this);
    }

    /** Every lower-case name, in declaration order. */
    public static String[] cliNames() {
        return EnumNames.all(Variant.class);
    }

    /** Parses a command-line name; the error starts with "variant:" and lists the valid names. */
    public static Variant parse(String name) {
        return EnumNames.parse(Variant.class, "variant", name);
    }

    /** Whether this variant regularises the code enough to allow a code at least as wide as the input. */
    public boolean allowsOvercompleteCode() {
        return this == SPARSE || this == CONTRACTIVE || this == DENOISING;
    }
}
