package dev.vigil.detector.features;

import dev.vigil.contract.avro.SensorReading;

/**
 * A reading ready to score.
 *
 * @param reading the reading
 * @param input W*F raw values, oldest reading first (the model input row)
 */
public record FeatureVector(SensorReading reading, float[] input) {}
