package dev.vigil.trainer.service;

import java.time.Duration;
import java.util.Optional;

/**
 * When to train: at once when no model exists, every {@code interval} after the last attempt, and
 * early when drift is detected, but never sooner than {@code minGap} after the last attempt (so a
 * refused candidate is not retrained in a tight loop while the drift persists).
 */
public final class RetrainSchedule {
    /** Why a training run starts. */
    public enum Reason {
        /** No model is published for the group yet. */
        BOOTSTRAP,
        /** {@code train.interval} has passed since the last attempt. */
        SCHEDULE,
        /** The live score distribution drifted from the model's validation distribution. */
        DRIFT
    }

    private final long intervalMs;
    private final long minGapMs;
    private long lastAttempt = Long.MIN_VALUE;

    /**
     * @param interval time between scheduled runs
     * @param minGap least time between any two runs
     */
    public RetrainSchedule(Duration interval, Duration minGap) {
        this.intervalMs = interval.toMillis();
        this.minGapMs = minGap.toMillis();
    }

    /** The reason to train now, if any. */
    public Optional<Reason> due(long nowMs, boolean modelExists, boolean drifted) {
        if (lastAttempt != Long.MIN_VALUE && nowMs - lastAttempt < minGapMs) {
            return Optional.empty();
        }
        if (!modelExists) {
            return Optional.of(Reason.BOOTSTRAP);
        }
        if (lastAttempt == Long.MIN_VALUE || nowMs - lastAttempt >= intervalMs) {
            return Optional.of(Reason.SCHEDULE);
        }
        return drifted ? Optional.of(Reason.DRIFT) : Optional.empty();
    }

    /** Records that a run was attempted at {@code nowMs}, whatever its outcome. */
    public void attempted(long nowMs) {
        lastAttempt = nowMs;
    }
}
