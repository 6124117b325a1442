package dev.vigil.ops.simulator;

import dev.vigil.contract.avro.SensorReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fleet of simulated pumps. Each {@link #tick()} returns one {@link SensorReading} per pump at the
 * current simulated time and advances it by one step; injected anomalies are recorded in {@link
 * #groundTruth()} as they start. Fully determined by its {@link SimulatorConfig}, seed included.
 * Not thread-safe: one thread ticks; {@link #groundTruth()} may be read from any thread.
 */
public final class Simulator {
    private final SimulatorConfig config;
    private final List<String> names = new ArrayList<>();
    private final List<Pump> pumps = new ArrayList<>();
    private final List<AnomalyPlan> plans = new ArrayList<>();
    private final GroundTruth groundTruth = new GroundTruth();
    private long now;

    public Simulator(SimulatorConfig config) {
        this.config = config;
        this.now = config.start().toEpochMilli();
        for (int i = 0; i < config.entities(); i++) {
            addPump(i);
        }
    }

    /**
     * Normal data only: {@code readingsPerEntity} readings of each of {@code entities} pumps, one
     * simulated minute apart, interleaved by time. For bootstrap training and tests.
     */
    public static List<SensorReading> normalData(int entities, int readingsPerEntity, long seed) {
        Simulator simulator =
                new Simulator(SimulatorConfig.defaults(entities, seed).withoutAnomalies());
        List<SensorReading> rows = new ArrayList<>(entities * readingsPerEntity);
        for (int i = 0; i < readingsPerEntity; i++) {
            rows.addAll(simulator.tick());
        }
        return rows;
    }

    /** One reading per pump at the current simulated time; then time advances by one step. */
    public List<SensorReading> tick() {
        List<SensorReading> readings = new ArrayList<>(pumps.size());
        for (int i = 0; i < pumps.size(); i++) {
            readings.add(reading(i));
        }
        now += config.step().toMillis();
        return readings;
    }

    /** Simulated time of the next tick, epoch milliseconds. */
    public long simulatedTimeMillis() {
        return now;
    }

    /** The pumps' names, which are the readings' entities and Kafka keys. */
    public List<String> entities() {
        return List.copyOf(names);
    }

    /** The anomalies injected so far. */
    public GroundTruth groundTruth() {
        return groundTruth;
    }

    private SensorReading reading(int index) {
        Map<String, Double> values = pumps.get(index).next(now);
        if (config.anomalies()) {
            plans.get(index).apply(now, values, pumps.get(index)).ifPresent(groundTruth::record);
        }
        return SensorReading.newBuilder()
                .setEntity(names.get(index))
                .setTimestamp(java.time.Instant.ofEpochMilli(now))
                .setValues(values)
                .build();
    }

    private void addPump(int index) {
        String name = String.format("pump-%02d", index + 1);
        Random random = new Random(config.seed() * 1_000_003L + index);
        names.add(name);
        pumps.add(new Pump(PumpParams.draw(random), random, config.step().toMillis()));
        long firstPossible = now + config.cleanPeriod().toMillis();
        plans.add(new AnomalyPlan(
                name,
                new Random(random.nextLong()),
                firstPossible,
                config.meanGap().toMillis(),
                config.step().toMillis()));
    }
}
