package dev.vigil.ops.simulator;

import java.util.List;

/** Names of the simulated sensors: the keys of a reading's {@code values} map. */
public final class Sensors {
    public static final String FLOW = "flow";
    public static final String PRESSURE = "pressure";
    public static final String MOTOR_CURRENT = "motor_current";
    public static final String TEMPERATURE = "temperature";
    public static final String VIBRATION = "vibration";

    /** All of them, in a stable order (the feature order a model trained on simulated data uses). */
    public static final List<String> ALL = List.of(FLOW, PRESSURE, MOTOR_CURRENT, TEMPERATURE, VIBRATION);

    private Sensors() {}
}
