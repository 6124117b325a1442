package dev.vigil.archfixture.detector.events;

import dev.vigil.archfixture.detector.ingest.CyclicReason;

/**
 * A deliberate cycle between two sub-packages of one top-level package: events import an ingest type
 * while ingest reports through the events. Checked to make the cycle and leaf rules fail.
 */
public interface CyclicEvents {
    void rejected(CyclicReason reason);
}
