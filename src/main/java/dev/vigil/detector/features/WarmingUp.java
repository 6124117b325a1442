package dev.vigil.detector.features;

import dev.vigil.contract.avro.SensorReading;

/** A reading whose entity's window is not full yet: it leaves unscored as WARMING_UP. */
public record WarmingUp(SensorReading reading) {}
