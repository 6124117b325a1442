package dev.vigil.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The last value of something (a threshold, a model version, a loss) held for a gauge. A gauge holds
 * its state object weakly, so the metrics classes keep these in fields.
 */
final class GaugeValue {
    private volatile double value;

    GaugeValue(double initial) {
        this.value = initial;
    }

    void set(double newValue) {
        value = newValue;
    }

    double get() {
        return value;
    }

    /** Registers a gauge named {@code name} that reads {@code value}. */
    static void register(MeterRegistry registry, String name, String description, GaugeValue value) {
        Gauge.builder(name, value, GaugeValue::get).description(description).register(registry);
    }
}
