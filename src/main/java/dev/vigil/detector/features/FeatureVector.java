package dev.vigil.detector.features;

import dev.vigil.detector.ingest.InputReading;

/**
 * A reading ready to score.
 *
 * @param reading the reading
 * @param input W*F raw values, oldest reading first (the model input row)
 */
public record FeatureVector(InputReading reading, float[] input) {}
