package dev.vigil.ops.simulator;

import java.util.Map;
import java.util.Random;

/**
 * Nameplate values of one simulated pump, drawn once from its seeded random source so that pumps
 * differ a little, as real ones do.
 *
 * @param nominalFlow flow at full speed, m³/h
 * @param nominalPressure discharge pressure at full speed, bar
 * @param idleCurrent motor current with no hydraulic load, A
 * @param loadCurrent extra current at full hydraulic load, A
 * @param ambient mean ambient temperature, °C
 * @param heating motor temperature rise at full current, °C
 * @param baseVibration vibration at standstill, mm/s
 * @param speedVibration extra vibration at full speed, mm/s
 * @param phaseHours shift of this pump's daily demand cycle, hours
 */
record PumpParams(
        double nominalFlow,
        double nominalPressure,
        double idleCurrent,
        double loadCurrent,
        double ambient,
        double heating,
        double baseVibration,
        double speedVibration,
        double phaseHours) {

    static PumpParams draw(Random random) {
        return new PumpParams(
                around(random, 100, 0.15),
                around(random, 5, 0.15),
                around(random, 8, 0.1),
                around(random, 22, 0.1),
                around(random, 20, 0.1),
                around(random, 35, 0.1),
                around(random, 0.8, 0.2),
                around(random, 2.2, 0.2),
                random.nextDouble() * 2 - 1);
    }

    /** Typical magnitude of each sensor, the scale anomalies are sized by. */
    Map<String, Double> nominal() {
        return Map.of(
                Sensors.FLOW, nominalFlow,
                Sensors.PRESSURE, nominalPressure,
                Sensors.MOTOR_CURRENT, idleCurrent + loadCurrent,
                Sensors.TEMPERATURE, ambient + heating,
                Sensors.VIBRATION, baseVibration + speedVibration);
    }

    private static double around(Random random, double centre, double spread) {
        return centre * (1 + spread * (random.nextDouble() * 2 - 1));
    }
}
