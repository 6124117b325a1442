package dev.vigil.trainer;

/**
 * Everything one training run produced: the bundle, the Java forward pass of the exported model,
 * the loss curves and the sorted validation scores (for reports).
 */
public record TrainingOutcome(
        dev.vigil.contract.avro.ModelBundle bundle,
        InferenceModel model,
        LossHistory history,
        double[] validationScores) {}
