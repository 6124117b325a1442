package dev.vigil.cli;

import dev.vigil.ops.Readiness;
import dev.vigil.trainer.service.TrainerLoop;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer loop (one group's service, or several groups') on its own thread, watched: {@link #health()} fails once the thread died of an
 * error, {@link #readiness()} also while the service cannot reach the broker.
 */
final class TrainerWorker {
    private static final Logger LOG = LoggerFactory.getLogger(TrainerWorker.class);

    private final TrainerLoop service;
    private final Thread thread;
    private final AtomicReference<Throwable> death = new AtomicReference<>();

    TrainerWorker(TrainerLoop service) {
        this.service = service;
        this.thread = new Thread(service, "vigil-trainer");
        thread.setUncaughtExceptionHandler((t, e) -> died(e));
    }

    private void died(Throwable e) {
        death.set(e);
        LOG.error("The trainer service's thread died", e);
    }

    /** Starts the thread and waits until it ends (after {@link TrainerLoop#close()} or an error). */
    Optional<Throwable> runToEnd() throws InterruptedException {
        thread.start();
        thread.join();
        return Optional.ofNullable(death.get());
    }

    /** Healthy until the thread died of an error. */
    Readiness health() {
        Throwable e = death.get();
        return e == null ? Readiness.isReady() : Readiness.notReady("the trainer thread died: " + e);
    }

    /** Ready while healthy, running and in touch with the broker. */
    Readiness readiness() {
        return health().and(thread.isAlive() ? Readiness.isReady() : Readiness.notReady("the trainer is not running"))
                .and(service.notReadyBecause().map(Readiness::notReady).orElseGet(Readiness::isReady));
    }
}
