package dev.vigil.trainer.service;

import java.util.Optional;

/**
 * What {@code vigil trainer} runs until stopped: one group's {@link TrainerService}, or
 * {@link GroupTrainers} for several. {@link #run()} returns after {@link #close()}, or throws when
 * the loop died of an error.
 */
public interface TrainerLoop extends Runnable, AutoCloseable {
    /** Why the loop cannot do its job now (e.g. the broker was not reached); empty when it can. */
    Optional<String> notReadyBecause();

    /** Stops the loop from another thread; {@link #run()} returns soon after. */
    @Override
    void close();
}
