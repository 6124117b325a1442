package dev.vigil.detector.scoring;

import dev.vigil.detector.ingest.InputReading;

/**
 * A reading with the model's opinion of it.
 *
 * @param reading the reading (and its encoding, when known)
 * @param actual the newest reading's F values in model order
 * @param score anomaly score (reconstruction error)
 * @param featureErrors per-feature error (F values, averaged over the window)
 * @param expected reconstructed values of the newest reading (F values, original units)
 * @param model the model that scored it
 */
public record Scored(
        InputReading reading, float[] actual, double score, float[] featureErrors, float[] expected, ModelInfo model) {}
