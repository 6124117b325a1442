package dev.vigil.trainer;

import ai.onnx.proto.OnnxMl;
import dev.vigil.contract.ModelContract;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * Builds the fp32 ONNX graph of an {@link InferenceModel} with tribuo-util-onnx: the scaler is baked
 * in (the graph takes raw values), dense layers are {@code Gemm} plus activation, and the three
 * outputs of {@link ModelContract} are computed from the squared scaled error, multiplied by the
 * per-feature error weights when the model has them (initializer {@value #ERROR_WEIGHT}). The per-feature window
 * average and the newest reading's un-scaling are constant {@code Gemm}s, so the graph needs no
 * reshapes. The manifest JSON is stored in {@code metadata_props} under
 * {@link ModelContract#MANIFEST_METADATA_KEY}. Output bytes are deterministic for equal inputs.
 */
final class OnnxExporter {
    private static final long IR_VERSION = 7;
    /** Name of the initializer holding the error weights, tiled over the window (W·F values). */
    static final String ERROR_WEIGHT = "error_weight";

    private OnnxExporter() {}

    static byte[] export(InferenceModel model, String graphName, String manifestJson) {
        ONNXContext ctx = new ONNXContext();
        ctx.setName(graphName);
        int width = model.width();
        int features = model.features();
        ONNXPlaceholder input = ctx.floatInput(ModelContract.INPUT, width);
        ONNXNode scaled = input.apply(ONNXOperators.SUB, ctx.array("center", tile(model.center(), model.window())))
                .apply(ONNXOperators.DIV, ctx.array("scale", tile(model.scale(), model.window())));
        List<ONNXRef<?>> activations = layers(ctx, scaled, model.layers());
        ONNXRef<?> reconstruction = activations.get(activations.size() - 1);
        ONNXNode diff = reconstruction.apply(ONNXOperators.SUB, scaled);
        ONNXNode squared = weighted(ctx, diff.apply(ONNXOperators.MUL, diff), model);
        ONNXNode meanError = rowMean(squared);
        ONNXRef<?> score = OnnxScoreHeads.score(ctx, model.head(), meanError, activations);
        ONNXNode featureError = gemm(ctx, squared, windowAverage(model), new float[features], "window_average");
        ONNXNode newest = gemm(ctx, reconstruction, newestUnscale(model), model.center(), "unscale_newest");
        ctx.assignTo(score, ctx.floatOutput(ModelContract.SCORE, 1));
        ctx.assignTo(featureError, ctx.floatOutput(ModelContract.FEATURE_ERROR, features));
        ctx.assignTo(newest, ctx.floatOutput(ModelContract.RECONSTRUCTION, features));
        return model(withVectorScores(ctx.buildGraph()), manifestJson, model.head())
                .toByteArray();
    }

    /** The mean over axis 1, as a vector {@code [N]}. */
    static ONNXNode rowMean(ONNXRef<?> values) {
        return values.apply(ONNXOperators.REDUCE_MEAN, Map.of("axes", new int[] {1}, "keepdims", 0));
    }

    /** Multiplies by the tiled per-feature error weights ({@value #ERROR_WEIGHT}) when the model has any. */
    private static ONNXNode weighted(ONNXContext ctx, ONNXNode squared, InferenceModel model) {
        if (!model.hasErrorWeights()) {
            return squared;
        }
        return squared.apply(ONNXOperators.MUL, ctx.array(ERROR_WEIGHT, tile(model.errorWeight(), model.window())));
    }

    /** The input followed by each dense layer's output. */
    private static List<ONNXRef<?>> layers(ONNXContext ctx, ONNXRef<?> input, List<DenseLayer> layers) {
        List<ONNXRef<?>> out = new ArrayList<>(List.of(input));
        for (DenseLayer layer : layers) {
            out.add(activation(gemm(ctx, out.get(out.size() - 1), layer, "dense"), layer));
        }
        return out;
    }

    /** {@code a · layer.weights + layer.bias}, initializers named after {@code name}. */
    static ONNXNode gemm(ONNXContext ctx, ONNXRef<?> a, DenseLayer layer, String name) {
        return gemm(ctx, a, layer.weights(), layer.in(), layer.out(), layer.bias(), name);
    }

    private static ONNXRef<?> activation(ONNXNode z, DenseLayer layer) {
        return switch (layer.activation()) {
            case RELU -> z.apply(OnnxOps.RELU);
            case TANH -> z.apply(OnnxOps.TANH);
            case SIGMOID -> z.apply(ONNXOperators.SIGMOID);
            case IDENTITY -> z;
        };
    }

    private static ONNXNode gemm(ONNXContext ctx, ONNXRef<?> a, float[][] matrix, float[] bias, String name) {
        int rows = matrix.length;
        int cols = matrix[0].length;
        float[] flat = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(matrix[i], 0, flat, i * cols, cols);
        }
        return gemm(ctx, a, flat, rows, cols, bias, name);
    }

    static ONNXNode gemm(ONNXContext ctx, ONNXRef<?> a, float[] weights, int in, int out, float[] bias, String name) {
        ONNXInitializer w = ctx.floatTensor(name + "_w", List.of(in, out), (FloatBuffer fb) -> fb.put(weights));
        ONNXInitializer b = ctx.array(name + "_b", bias);
        List<ONNXRef<?>> inputs = new ArrayList<>(List.of(a, w, b));
        return ctx.operation(ONNXOperators.GEMM, inputs, name, Map.of());
    }

    /** [W·F × F] with 1/W where the input's feature equals the column: the window average. */
    private static float[][] windowAverage(InferenceModel model) {
        int features = model.features();
        float[][] m = new float[model.width()][features];
        for (int j = 0; j < model.width(); j++) {
            m[j][j % features] = 1f / model.window();
        }
        return m;
    }

    /** [W·F × F] picking the newest reading and multiplying by its scale. */
    private static float[][] newestUnscale(InferenceModel model) {
        int features = model.features();
        float[] scale = model.scale();
        float[][] m = new float[model.width()][features];
        for (int f = 0; f < features; f++) {
            m[(model.window() - 1) * features + f][f] = scale[f];
        }
        return m;
    }

    private static float[] tile(float[] values, int times) {
        float[] tiled = new float[values.length * times];
        for (int t = 0; t < times; t++) {
            System.arraycopy(values, 0, tiled, t * values.length, values.length);
        }
        return tiled;
    }

    /** tribuo declares every output as [batch, d]; the score (and PCA's T² and Q) are [batch]. */
    private static OnnxMl.GraphProto withVectorScores(OnnxMl.GraphProto graph) {
        OnnxMl.GraphProto.Builder builder = graph.toBuilder();
        java.util.Set<String> vectors = java.util.Set.of(ModelContract.SCORE, ModelContract.T2, ModelContract.Q);
        for (int i = 0; i < builder.getOutputCount(); i++) {
            if (vectors.contains(builder.getOutput(i).getName())) {
                OnnxMl.ValueInfoProto.Builder out = builder.getOutputBuilder(i);
                out.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().removeDim(1);
            }
        }
        return builder.build();
    }

    private static OnnxMl.ModelProto model(OnnxMl.GraphProto graph, String manifestJson, ScoreHead head) {
        OnnxMl.ModelProto.Builder builder = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("vigil-trainer")
                .setDomain("dev.vigil")
                .setModelVersion(1)
                .addOpsetImport(ONNXOperators.getOpsetProto())
                .setGraph(graph)
                .addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder()
                        .setKey(ModelContract.MANIFEST_METADATA_KEY)
                        .setValue(manifestJson));
        new java.util.TreeMap<>(head.metadata())
                .forEach((key, value) -> builder.addMetadataProps(
                        OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return builder.build();
    }
}
