package dev.vigil.detector.features;

import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.ingest.RejectReason;
import dev.vigil.detector.ingest.RejectedException;
import java.util.List;
import java.util.Map;

/** Orders a reading's values as the model's features, filling gaps by the {@link MissingPolicy}. */
public final class FeatureExtractor {
    private final FeatureLayout layout;
    private final MissingPolicy policy;
    private final float[] means;

    /**
     * @param means training means in model order (used by {@link MissingPolicy#MEAN}); may be empty otherwise
     */
    public FeatureExtractor(FeatureLayout layout, MissingPolicy policy, List<Double> means) {
        this.layout = layout;
        this.policy = policy;
        this.means = toFloats(means);
        if (policy == MissingPolicy.MEAN && this.means.length != layout.features()) {
            throw new IllegalArgumentException("missing.policy=mean needs a training mean per feature in the bundle");
        }
    }

    /** One row of F values in model order; {@code previous} is the entity's last row or null. */
    public float[] row(SensorReading reading, float[] previous) throws RejectedException {
        Map<String, Double> values = reading.getValues();
        float[] row = new float[layout.features()];
        for (int f = 0; f < row.length; f++) {
            Double value = values.get(layout.names().get(f));
            row[f] = value != null ? value.floatValue() : fill(f, previous);
        }
        return row;
    }

    private float fill(int feature, float[] previous) throws RejectedException {
        String name = layout.names().get(feature);
        return switch (policy) {
            case MEAN -> means[feature];
            case LAST -> {
                if (previous == null) {
                    throw RejectedException.of(
                            RejectReason.MISSING_FEATURE, name + " is missing and has no last value");
                }
                yield previous[feature];
            }
            case REJECT -> throw RejectedException.of(RejectReason.MISSING_FEATURE, name + " is missing");
        };
    }

    private static float[] toFloats(List<Double> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }
}
