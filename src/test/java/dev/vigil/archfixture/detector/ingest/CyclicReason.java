package dev.vigil.archfixture.detector.ingest;

import dev.vigil.archfixture.detector.events.CyclicEvents;

/** The other half of the deliberate cycle of {@link CyclicEvents}. */
public enum CyclicReason {
    MALFORMED;

    public void reportTo(CyclicEvents events) {
        events.rejected(this);
    }
}
