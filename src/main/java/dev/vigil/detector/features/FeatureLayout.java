package dev.vigil.detector.features;

import java.util.List;

/**
 * The model's view of a reading: F feature names in model order and a window of W readings.
 *
 * @param names feature names in model order
 * @param window W, readings per model input
 */
public record FeatureLayout(List<String> names, int window) {
    public FeatureLayout {
        names = List.copyOf(names);
        if (names.isEmpty() || window < 1) {
            throw new IllegalArgumentException("a layout needs features and a window of at least 1");
        }
    }

    /** F. */
    public int features() {
        return names.size();
    }

    /** W*F: the width of one model input row. */
    public int inputWidth() {
        return window * names.size();
    }
}
