package dev.vigil.trainer.service;

import dev.vigil.trainer.InferenceModel;
import dev.vigil.trainer.ModelTrainer;

/** Scores model inputs in Java, off the serving path: the shadow run of a gate. */
@FunctionalInterface
public interface ShadowScorer {
    /**
     * @param raw {@code count × W·F} raw input values, row-major
     * @param count number of rows
     * @return one anomaly score per row
     */
    double[] score(float[] raw, int count);

    /** The Java forward pass of {@code model}. */
    static ShadowScorer of(InferenceModel model) {
        return (raw, count) -> ModelTrainer.scoreRows(model, raw, count);
    }
}
