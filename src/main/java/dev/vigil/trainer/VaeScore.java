package dev.vigil.trainer;

/**
 * What the variational model's exported score is; {@link #cliName()} is the command-line and bundle
 * spelling (bundle metadata key {@value #METADATA_KEY}).
 */
public enum VaeScore {
    /**
     * −ELBO in the units of the training loss: the mean weighted squared error of the mean decoding
     * (the Gaussian decoder's negative log-likelihood up to a constant) plus β·KL(q(z|x) ‖ N(0, I))
     * in closed form divided by the input width. Deterministic.
     */
    ELBO,
    /** The reconstruction error of the mean decoding alone (the score before −ELBO). */
    MEAN_ERROR;

    /** Key of the ONNX metadata entry naming the score. */
    public static final String METADATA_KEY = "vae.score";

    /** Lower-case name used on the command line and in bundles. */
    public String cliName() {
        return EnumNames.of(this);
    }

    /** Parses a command-line name; the error starts with "vaeScore:" and lists the valid names. */
    public static VaeScore parse(String name) {
        return EnumNames.parse(VaeScore.class, "vaeScore", name);
    }
}
