package dev.vigil.trainer;

import ai.onnx.proto.OnnxMl;
import dev.vigil.contract.OnnxSafety;
import dev.vigil.contract.UnsafeOnnxException;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.nn.Activation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the Java forward pass ({@link InferenceModel}) of a bundle this trainer exported, from
 * the ONNX graph's dense layers, error weights and score head ({@link BundleHeads}) and the bundle's
 * scaler and window: for scoring an incumbent model
 * in Java off the serving path (shadow runs, comparisons) without ONNX Runtime.
 */
public final class BundleModels {
    private static final Map<String, Activation> ACTIVATIONS =
            Map.of("Relu", Activation.RELU, "Tanh", Activation.TANH, "Sigmoid", Activation.SIGMOID);

    private BundleModels() {}

    /**
     * The forward pass of {@code bundle}.
     *
     * @throws IllegalArgumentException if the ONNX bytes fail {@link OnnxSafety} or are not a graph
     *     exported by this trainer
     */
    public static InferenceModel inferenceModel(ModelBundle bundle) {
        OnnxMl.ModelProto proto = parse(bundle);
        OnnxMl.GraphProto graph = proto.getGraph();
        Map<String, OnnxMl.TensorProto> initialisers = new HashMap<>();
        graph.getInitializerList().forEach(t -> initialisers.put(t.getName(), t));
        List<DenseLayer> layers = new ArrayList<>();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            OnnxMl.NodeProto node = graph.getNode(i);
            if (node.getOpType().equals("Gemm") && node.getInput(1).startsWith("dense_w")) {
                layers.add(layer(node, initialisers, activationAfter(graph, i)));
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException(
                    "bundle: the ONNX graph has no dense layers exported by the Vigil trainer");
        }
        int features = bundle.getFeatureNames().size();
        return new InferenceModel(
                features,
                bundle.getWindowLength(),
                floats(bundle.getScaler().getCenter()),
                floats(bundle.getScaler().getScale()),
                layers,
                errorWeight(errorWeightInitialiser(graph), features),
                BundleHeads.read(proto, initialisers));
    }

    /** tribuo suffixes initializer names with a counter; the exporter names at most one error weight. */
    private static OnnxMl.TensorProto errorWeightInitialiser(OnnxMl.GraphProto graph) {
        return graph.getInitializerList().stream()
                .filter(t -> t.getName().startsWith(OnnxExporter.ERROR_WEIGHT))
                .findFirst()
                .orElse(null);
    }

    /** The first F of the tiled error weights; all 1 for a graph without them (exported before they existed). */
    private static float[] errorWeight(OnnxMl.TensorProto tiled, int features) {
        float[] weight = new float[features];
        if (tiled == null) {
            java.util.Arrays.fill(weight, 1f);
            return weight;
        }
        System.arraycopy(values(tiled), 0, weight, 0, features);
        return weight;
    }

    /** The model, if it passes {@link OnnxSafety} (an incumbent comes from the models topic: untrusted bytes). */
    private static OnnxMl.ModelProto parse(ModelBundle bundle) {
        try {
            return OnnxSafety.check(bundle.getOnnx(), OnnxSafety.Limits.DEFAULT);
        } catch (UnsafeOnnxException e) {
            throw new IllegalArgumentException("bundle: " + e.hazard() + ": " + e.getMessage(), e);
        }
    }

    private static Activation activationAfter(OnnxMl.GraphProto graph, int gemm) {
        String output = graph.getNode(gemm).getOutput(0);
        for (OnnxMl.NodeProto node : graph.getNodeList()) {
            if (node.getInputCount() == 1
                    && node.getInput(0).equals(output)
                    && ACTIVATIONS.containsKey(node.getOpType())) {
                return ACTIVATIONS.get(node.getOpType());
            }
        }
        return Activation.IDENTITY;
    }

    private static DenseLayer layer(OnnxMl.NodeProto gemm, Map<String, OnnxMl.TensorProto> init, Activation act) {
        OnnxMl.TensorProto w = init.get(gemm.getInput(1));
        float[] bias = values(init.get(gemm.getInput(2)));
        return new DenseLayer((int) w.getDims(0), (int) w.getDims(1), values(w), bias, act);
    }

    static float[] values(OnnxMl.TensorProto tensor) {
        if (tensor.getFloatDataCount() > 0) {
            float[] out = new float[tensor.getFloatDataCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = tensor.getFloatData(i);
            }
            return out;
        }
        ByteBuffer raw = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[raw.remaining() / Float.BYTES];
        raw.asFloatBuffer().get(out);
        return out;
    }

    private static float[] floats(List<Double> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }
}
