package dev.vigil.ops.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The anomaly timeline of one entity: after a clean period, episodes follow each other with random
 * gaps; kinds are drawn from a shuffled bag so every kind comes up once in every five episodes.
 * {@link #apply} alters a reading's normal values while an episode is active.
 */
final class AnomalyPlan {
    private final String entity;
    private final Random random;
    private final long meanGapMillis;
    private final long stepMillis;
    private final List<AnomalyKind> bag = new ArrayList<>();
    private InjectedAnomaly episode;
    private boolean started;
    private double spike;
    private Double stuckValue;

    AnomalyPlan(String entity, Random random, long firstPossibleMillis, long meanGapMillis, long stepMillis) {
        this.entity = entity;
        this.random = random;
        this.meanGapMillis = meanGapMillis;
        this.stepMillis = stepMillis;
        this.episode = plan(firstPossibleMillis);
    }

    /**
     * Applies the episode active at {@code millis}, if any, to {@code values}.
     *
     * @return the episode if it starts with this reading, so the caller can record it
     */
    Optional<InjectedAnomaly> apply(long millis, Map<String, Double> values, Pump pump) {
        if (millis >= episode.endMillis()) {
            episode = plan(episode.endMillis());
            started = false;
        }
        if (!episode.covers(millis)) {
            return Optional.empty();
        }
        boolean first = !started;
        started = true;
        if (first) {
            spike = (random.nextBoolean() ? 1 : -1) * (0.3 + 0.2 * random.nextDouble());
            stuckValue = values.get(episode.sensor());
        }
        values.put(episode.sensor(), altered(millis, values.get(episode.sensor()), pump));
        return first ? Optional.of(episode) : Optional.empty();
    }

    private double altered(long millis, double value, Pump pump) {
        double nominal = pump.params().nominal().get(episode.sensor());
        return switch (episode.kind()) {
            case SPIKE -> value + spike * nominal;
            case DRIFT -> value + 0.25 * nominal * progress(millis);
            case STUCK -> stuckValue;
            case BROKEN_CORRELATION -> pump.decoupledPressure(millis) * (1 + 0.01 * random.nextGaussian());
            case NOISE_BURST -> value + 0.15 * nominal * random.nextGaussian();
        };
    }

    private double progress(long millis) {
        return (millis - episode.startMillis()) / (double) (episode.endMillis() - episode.startMillis());
    }

    private InjectedAnomaly plan(long notBefore) {
        AnomalyKind kind = nextKind();
        long gap = (long) (-Math.log(1 - random.nextDouble()) * meanGapMillis);
        long start = notBefore + steps(Math.max(gap, 3_600_000L));
        long span = kind.longest().toMillis() - kind.shortest().toMillis();
        long length = steps(kind.shortest().toMillis() + (long) (random.nextDouble() * span));
        return new InjectedAnomaly(entity, kind, sensorFor(kind), start, start + length);
    }

    /** {@code millis} rounded up to whole steps, so episodes begin and end on a reading. */
    private long steps(long millis) {
        return Math.max(1, (millis + stepMillis - 1) / stepMillis) * stepMillis;
    }

    private AnomalyKind nextKind() {
        if (bag.isEmpty()) {
            bag.addAll(EnumSet.allOf(AnomalyKind.class));
            Collections.shuffle(bag, random);
        }
        return bag.remove(bag.size() - 1);
    }

    private String sensorFor(AnomalyKind kind) {
        if (kind == AnomalyKind.BROKEN_CORRELATION) {
            return Sensors.PRESSURE;
        }
        return Sensors.ALL.get(random.nextInt(Sensors.ALL.size()));
    }
}
