package dev.vigil.trainer.service;

import java.util.Optional;

/**
 * Whether the trainer service's last look at the models topic reached the broker. Written by the
 * service's thread, read by {@code /ready}. A failed training run does not count: it is reported by
 * metrics and the log, and the next run may succeed.
 */
final class BrokerContact {
    private volatile String problem = "has not read the models topic yet";

    /** The last read succeeded. */
    void reached() {
        problem = null;
    }

    /** The last read failed with {@code cause}. */
    void failed(Exception cause) {
        problem = "cannot read the models topic: " + cause;
    }

    /** Why the service cannot do its job now; empty when the broker was reached last time. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }
}
