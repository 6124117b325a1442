package dev.vigil.detector.features;

import dev.vigil.detector.ingest.InputReading;

/** A reading whose entity's window is not full yet: it leaves unscored as WARMING_UP. */
public record WarmingUp(InputReading reading) {}
