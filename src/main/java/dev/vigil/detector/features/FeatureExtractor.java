package dev.vigil.detector.features;

import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.events.RejectReason;
import dev.vigil.detector.ingest.RejectedException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Orders a reading's values as the model's features, filling gaps by the {@link MissingPolicy}. */
public final class FeatureExtractor {
    private final FeatureLayout layout;
    private final MissingPolicy policy;
    private final Supplier<List<Double>> means;

    /**
     * @param means training means in model order of the model in service (read by {@link MissingPolicy#MEAN})
     */
    public FeatureExtractor(FeatureLayout layout, MissingPolicy policy, Supplier<List<Double>> means) {
        this.layout = layout;
        this.policy = policy;
        this.means = means;
    }

    /** One row of F values in model order; {@code window} holds the entity's earlier rows (for LAST). */
    public float[] row(SensorReading reading, EntityWindow window) throws RejectedException {
        Map<String, Double> values = reading.getValues();
        float[] row = new float[layout.features()];
        for (int f = 0; f < row.length; f++) {
            Double value = values.get(layout.names().get(f));
            row[f] = value != null ? value.floatValue() : fill(f, window);
        }
        return row;
    }

    private float fill(int feature, EntityWindow window) throws RejectedException {
        String name = layout.names().get(feature);
        return switch (policy) {
            case MEAN -> mean(feature);
            case LAST -> {
                if (window.isEmpty()) {
                    throw RejectedException.of(
                            RejectReason.MISSING_FEATURE, name + " is missing and has no last value");
                }
                yield window.newestValue(feature);
            }
            case REJECT -> throw RejectedException.of(RejectReason.MISSING_FEATURE, name + " is missing");
        };
    }

    private float mean(int feature) throws RejectedException {
        List<Double> values = means.get();
        if (values.size() != layout.features()) {
            throw RejectedException.of(
                    RejectReason.MISSING_FEATURE,
                    layout.names().get(feature) + " is missing and the model has no training means");
        }
        return values.get(feature).floatValue();
    }
}
