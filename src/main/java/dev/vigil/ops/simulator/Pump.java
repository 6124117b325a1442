package dev.vigil.ops.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The normal physics of one pump, one reading per step. Demand follows a daily cycle plus a slow
 * random walk; the pump runs at a speed matching demand, and by the affinity laws flow grows with
 * speed and pressure with speed squared; motor current follows hydraulic power (flow × pressure);
 * motor temperature lags towards ambient plus a rise with current squared; vibration grows with
 * speed squared. Every sensor adds a little Gaussian noise.
 */
final class Pump {
    private static final double NOISE = 0.01;
    private static final double TEMPERATURE_TIME_CONSTANT_MINUTES = 20;

    private final PumpParams params;
    private final Random random;
    private final double temperatureStep;
    private double demandWalk;
    private double temperature;

    Pump(PumpParams params, Random random, long stepMillis) {
        this.params = params;
        this.random = random;
        this.temperatureStep = 1 - Math.exp(-stepMillis / 60_000.0 / TEMPERATURE_TIME_CONSTANT_MINUTES);
        this.temperature = Double.NaN;
    }

    PumpParams params() {
        return params;
    }

    /** The next reading's values at simulated time {@code millis}, in {@link Sensors#ALL} order. */
    Map<String, Double> next(long millis) {
        double speed = speed(millis);
        double flow = params.nominalFlow() * speed;
        double pressure = params.nominalPressure() * speed * speed;
        double load = (flow / params.nominalFlow()) * (pressure / params.nominalPressure());
        double current = params.idleCurrent() + params.loadCurrent() * load;
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(Sensors.FLOW, noisy(flow));
        values.put(Sensors.PRESSURE, noisy(pressure));
        values.put(Sensors.MOTOR_CURRENT, noisy(current));
        values.put(Sensors.TEMPERATURE, temperature(millis, current) + 0.1 * random.nextGaussian());
        values.put(Sensors.VIBRATION, noisy(params.baseVibration() + params.speedVibration() * speed * speed));
        return values;
    }

    /**
     * Pressure following a demand unrelated to this pump's (a three-hour swing over the whole speed range):
     * what a pressure sensor decoupled from flow shows. Noise-free; the caller adds its own.
     */
    double decoupledPressure(long millis) {
        double speed = 0.65 + 0.35 * Math.sin(2 * Math.PI * millis / (3 * 3_600_000.0));
        return params.nominalPressure() * speed * speed;
    }

    private double speed(long millis) {
        demandWalk = 0.97 * demandWalk + 0.01 * random.nextGaussian();
        return Math.max(0.25, Math.min(1.0, dailyDemand(millis) + demandWalk));
    }

    private double dailyDemand(long millis) {
        double hours = (millis / 3_600_000.0) % 24 + params.phaseHours();
        return 0.65 + 0.25 * Math.sin(2 * Math.PI * (hours - 9) / 24);
    }

    private double temperature(long millis, double current) {
        double hours = (millis / 3_600_000.0) % 24;
        double ambient = params.ambient() + 4 * Math.sin(2 * Math.PI * (hours - 9) / 24);
        double full = params.idleCurrent() + params.loadCurrent();
        double target = ambient + params.heating() * (current / full) * (current / full);
        if (Double.isNaN(temperature)) {
            temperature = target; // a pump that has been running: no warm-up transient at the start
        }
        temperature += (target - temperature) * temperatureStep;
        return temperature;
    }

    private double noisy(double value) {
        return value * (1 + NOISE * random.nextGaussian());
    }
}
