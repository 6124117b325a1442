package dev.vigil.ops;

import java.util.Objects;

/**
 * Whether a service can do its job now, and if not, why. Served by {@code /ready}: 200 when ready,
 * 503 with the reason otherwise.
 *
 * @param ready true when the service can do its job
 * @param reason what is missing; empty when ready
 */
public record Readiness(boolean ready, String reason) {
    public Readiness {
        Objects.requireNonNull(reason, "reason");
    }

    /** Ready, nothing missing. */
    public static Readiness isReady() {
        return new Readiness(true, "");
    }

    /** Not ready because of {@code reason}, e.g. "kafka streams is REBALANCING". */
    public static Readiness notReady(String reason) {
        return new Readiness(false, reason);
    }

    /** Ready only if this and {@code other} are; the first reason otherwise. */
    public Readiness and(Readiness other) {
        return ready ? other : this;
    }

    /** A check evaluated on every {@code /ready} request; it must be fast and must not throw. */
    @FunctionalInterface
    public interface Check {
        Readiness check();
    }
}
