package dev.vigil.trainer.service;

/** How the gate obtained the scores of the model in use on the held-out windows. */
public enum IncumbentScoring {
    /** Not scored: no model in use, or the run never reached the gate. */
    NOT_SCORED,
    /**
     * Shadow-scored in Java: the incumbent's forward pass rebuilt from its bundle's ONNX graph by
     * {@code BundleModels.inferenceModel}, checked against the bundle's probe batch.
     */
    JAVA_FORWARD_PASS,
    /**
     * The scores the detector recorded on {@code vigil.scored} for those windows (NaN where another
     * version scored them): the fallback when the importer refuses the graph or its forward pass does
     * not reproduce the probe.
     */
    RECORDED_SCORES
}
