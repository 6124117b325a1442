package dev.vigil.detector.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of ONNX model bytes outside a bundle, on the CPU: for {@code vigil models import}, which
 * tries a user's graph on a calibration sample and scores the graph it wraps around it. The caller
 * passes the bytes through {@code OnnxSafety} first. Any runtime failure, loading or running, becomes
 * an {@link IllegalArgumentException} carrying ONNX Runtime's message.
 */
public final class OnnxTrial {
    private OnnxTrial() {}

    /**
     * Runs {@code onnx} once.
     *
     * @param input the input fed {@code rows × (values.length / rows)} floats
     * @param values the input rows, row-major
     * @param rows number of rows
     * @param outputs the float outputs to return
     * @return each output's values, flat, row-major, in the order asked
     */
    public static Map<String, float[]> run(byte[] onnx, String input, float[] values, int rows, List<String> outputs) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] shape = {rows, values.length / rows};
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(onnx, options);
                OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
                OrtSession.Result result = session.run(Map.of(input, tensor), Set.copyOf(outputs))) {
            Map<String, float[]> out = new LinkedHashMap<>();
            for (String name : outputs) {
                out.put(name, floats(name, result.get(name).orElseThrow()));
            }
            return out;
        } catch (OrtException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "ONNX Runtime cannot run the model on " + rows + " rows of " + shape[1] + " values: "
                            + e.getMessage(),
                    e);
        }
    }

    private static float[] floats(String name, OnnxValue value) {
        if (!(value instanceof OnnxTensor tensor) || tensor.getFloatBuffer() == null) {
            throw new IllegalStateException("output '" + name + "' is not a float tensor: " + value.getInfo());
        }
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
