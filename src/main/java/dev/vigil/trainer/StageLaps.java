package dev.vigil.trainer;

/** Reports the wall time since the previous lap (or since creation) as a named stage to a listener. */
final class StageLaps {
    private final EpochListener listener;
    private long last = System.nanoTime();

    StageLaps(EpochListener listener) {
        this.listener = listener;
    }

    /** Ends stage {@code name} now and starts the next one. */
    void lap(String name) {
        long now = System.nanoTime();
        listener.stageFinished(name, now - last);
        last = now;
    }
}
