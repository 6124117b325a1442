package dev.vigil.trainer;

/**
 * How the PCA model combines Hotelling's T² and the residual Q (SPE), each divided by its own limit,
 * into one score whose anomaly threshold is 1; {@link #cliName()} is the command-line and bundle
 * spelling (bundle metadata key {@value #METADATA_KEY}).
 */
public enum PcaRule {
    /** Anomalous when either statistic exceeds its limit: max(T²/T²_lim, Q/Q_lim). */
    EITHER,
    /** Anomalous when both exceed their limits: min(T²/T²_lim, Q/Q_lim). */
    BOTH,
    /** Q alone: Q/Q_lim. */
    Q,
    /** T² alone: T²/T²_lim. */
    T2;

    /** Key of the ONNX metadata entry naming the rule. */
    public static final String METADATA_KEY = "pca.rule";

    /** The score of a reading whose statistics are {@code t2Ratio} and {@code qRatio} of their limits. */
    public float combine(float t2Ratio, float qRatio) {
        return switch (this) {
            case EITHER -> Math.max(t2Ratio, qRatio);
            case BOTH -> Math.min(t2Ratio, qRatio);
            case Q -> qRatio;
            case T2 -> t2Ratio;
        };
    }

    /** Lower-case name used on the command line and in bundles. */
    public String cliName() {
        return EnumNames.of(this);
    }

    /** Parses a command-line name; the error starts with "pcaRule:" and lists the valid names. */
    public static PcaRule parse(String name) {
        return EnumNames.parse(PcaRule.class, "pcaRule", name);
    }
}
