package dev.vigil.ops;

/**
 * The last value of something (a threshold, a model version, a loss) held for a gauge. A gauge holds
 * its state object weakly, so {@link VigilMetrics} keeps these in fields.
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
}
