package dev.vigil.contract;

/**
 * The tensor interface every exported model honours, shared by the trainer (which builds the graph)
 * and the detector (which runs it).
 *
 * <p>Input {@value #INPUT} is {@code float[N, W*F]} of raw values: the last W readings of one entity,
 * oldest first, each with its F features in {@code ModelBundle.featureNames} order. Outputs are
 * {@value #SCORE} {@code float[N]}, {@value #FEATURE_ERROR} {@code float[N, F]} (per-feature error
 * averaged over the window) and {@value #RECONSTRUCTION} {@code float[N, F]} (expected values of the
 * newest reading in original units). A PCA model also has the optional outputs {@value #T2} and
 * {@value #Q} ({@code float[N]}: Hotelling's T² and the residual Q, each divided by its limit, so
 * above 1 means that statistic fired); a reader that does not ask for them is unaffected.
 */
public final class ModelContract {
    /** Name of the graph input. */
    public static final String INPUT = "features";
    /** Name of the anomaly score output. */
    public static final String SCORE = "score";
    /** Name of the per-feature error output. */
    public static final String FEATURE_ERROR = "feature_error";
    /** Name of the reconstruction output. */
    public static final String RECONSTRUCTION = "reconstruction";
    /** Name of the optional output T² / T²_limit of a PCA model. */
    public static final String T2 = "t2";
    /** Name of the optional output Q / Q_limit of a PCA model. */
    public static final String Q = "q";
    /** Key under which the bundle manifest (JSON) is stored in the ONNX model's metadata_props. */
    public static final String MANIFEST_METADATA_KEY = "vigil.manifest";

    private ModelContract() {}
}
