package dev.vigil.contract;

/**
 * The tensor interface every exported model honours, shared by the trainer (which builds the graph)
 * and the detector (which runs it).
 *
 * <p>Input {@value #INPUT} is {@code float[N, W*F]} of raw values: the last W readings of one entity,
 * oldest first, each with its F features in {@code ModelBundle.featureNames} order. Outputs are
 * {@value #SCORE} {@code float[N]}, {@value #FEATURE_ERROR} {@code float[N, F]} (per-feature error
 * averaged over the window) and {@value #RECONSTRUCTION} {@code float[N, F]} (expected values of the
 * newest reading in original units).
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
    /** Key under which the bundle manifest (JSON) is stored in the ONNX model's metadata_props. */
    public static final String MANIFEST_METADATA_KEY = "vigil.manifest";

    private ModelContract() {}
}
