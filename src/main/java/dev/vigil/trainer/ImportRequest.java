package dev.vigil.trainer;

import dev.vigil.contract.avro.ScalerKind;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/**
 * What {@link ModelImport} imports.
 *
 * @param onnx the user's ONNX file
 * @param features the F feature names, in the order the model's columns hold them
 * @param window readings per input window W (the model takes W·F values, oldest reading first)
 * @param calibration CSV file (or dataset directory) of normal readings with a column per feature
 * @param scaler the scaler Vigil fits on the sample and applies before the user's graph: ZSCORE for
 *     a model trained on z-scored data, NONE for one that takes raw values
 * @param input the user's input tensor, or null to find it
 * @param output the user's reconstruction tensor, or null to find it
 * @param group model group of the bundle
 * @param version bundle version
 */
public record ImportRequest(
        Path onnx,
        List<String> features,
        int window,
        Path calibration,
        ScalerKind scaler,
        String input,
        String output,
        String group,
        long version) {
    /** Validates the values. */
    public ImportRequest {
        features = List.copyOf(features);
        if (features.isEmpty() || new HashSet<>(features).size() != features.size()) {
            throw new IllegalArgumentException("features: need distinct names, got " + features);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window: must be at least 1, got " + window);
        }
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("group: must be set");
        }
    }

    /** The model's input width D = W·F. */
    public int width() {
        return window * features.size();
    }
}
