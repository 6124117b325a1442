package dev.vigil.ops.simulator;

import java.time.Duration;

/** The kinds of anomaly the simulator injects, with how long an episode of each lasts. */
public enum AnomalyKind {
    /** A sudden jump of one sensor by 30-50% of its nominal value, for a few minutes. */
    SPIKE(Duration.ofMinutes(5), Duration.ofMinutes(15)),
    /** One sensor creeps away from the truth, reaching +25% of nominal at the end of the episode. */
    DRIFT(Duration.ofHours(3), Duration.ofHours(6)),
    /** One sensor repeats its last value while the others keep moving. */
    STUCK(Duration.ofHours(1), Duration.ofHours(3)),
    /** Pressure stops following flow (as if a valve or a leak decoupled them); each alone looks normal. */
    BROKEN_CORRELATION(Duration.ofHours(1), Duration.ofHours(3)),
    /** One sensor becomes very noisy (a loose connector). */
    NOISE_BURST(Duration.ofMinutes(30), Duration.ofMinutes(90));

    private final Duration shortest;
    private final Duration longest;

    AnomalyKind(Duration shortest, Duration longest) {
        this.shortest = shortest;
        this.longest = longest;
    }

    /** The shortest episode of this kind. */
    public Duration shortest() {
        return shortest;
    }

    /** The longest episode of this kind. */
    public Duration longest() {
        return longest;
    }
}
