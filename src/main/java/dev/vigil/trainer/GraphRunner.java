package dev.vigil.trainer;

import java.util.List;
import java.util.Map;

/**
 * Runs ONNX model bytes once on a batch of float rows. {@link ModelImport} needs ONNX Runtime to try a
 * user's graph and to score the wrapped one, but the trainer does not load ONNX Runtime itself: the
 * caller (the CLI) passes the detector's runtime in, {@code dev.vigil.detector.models.OnnxTrial::run}.
 */
@FunctionalInterface
public interface GraphRunner {
    /**
     * @param onnx the model bytes, already through {@code OnnxSafety}
     * @param input the input fed {@code rows × (values.length / rows)} floats
     * @param values the input rows, row-major
     * @param rows number of rows N
     * @param outputs the outputs to return
     * @return each output's values, flat, row-major
     * @throws IllegalArgumentException if the runtime cannot load or run the model
     */
    Map<String, float[]> run(byte[] onnx, String input, float[] values, int rows, List<String> outputs);
}
