package dev.vigil.testkit;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.vigil.contract.ModelContract;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.Probe;
import dev.vigil.contract.avro.ScalerKind;
import dev.vigil.contract.avro.ScalerParams;
import dev.vigil.contract.avro.Thresholds;
import dev.vigil.contract.avro.TrainingSummary;
import dev.vigil.detector.models.BundleValidator;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * Real ONNX bundles generated in code for tests (none committed): a fixed linear autoencoder that
 * scales each value, projects each reading onto the direction where all its features move together,
 * and reconstructs. Normal readings ({@link #normal}) reconstruct exactly; a feature pushed away from
 * the others scores high. Honours {@link ModelContract} names and shapes.
 */
final class LinearBundles {
    static final List<String> FEATURES = List.of("temp", "pressure", "flow");

    private LinearBundles() {}

    /** A window-1 bundle over {@link #FEATURES}, centre 50, scale 10. */
    static ModelBundle linear(long version) {
        return linear("pumps", version, FEATURES, 1);
    }

    /** A bundle for {@code features} with a window of {@code window} readings. */
    static ModelBundle linear(String group, long version, List<String> features, int window) {
        int f = features.size();
        double[] center = new double[f];
        double[] scale = new double[f];
        Arrays.fill(center, 50.0);
        Arrays.fill(scale, 10.0);
        byte[] onnx = graph(f, window, center, scale).toByteArray();
        return complete(group, version, features, window, center, scale, onnx);
    }

    /** Values of a perfectly normal reading: every feature at {@code center + scale * latent}. */
    static double normal(double latent) {
        return 50.0 + 10.0 * latent;
    }

    static ModelBundle complete(
            String group,
            long version,
            List<String> features,
            int window,
            double[] center,
            double[] scale,
            byte[] onnx) {
        int width = features.size() * window;
        float[] validation = noisyRows(2000, width, 7);
        float[] validationScores = score(onnx, validation, width);
        float[] probe = Arrays.copyOf(validation, 8 * width);
        float[] probeScores = Arrays.copyOf(validationScores, 8);
        double[] quantiles = quantiles(validationScores, 101);
        double anomaly = Math.max(quantiles[100] * 2, 0.05);
        ModelBundle bundle = ModelBundle.newBuilder()
                .setGroup(group)
                .setVersion(version)
                .setVariant("pca")
                .setCreatedAt(Instant.ofEpochMilli(1_732_270_000_000L))
                .setFeatureNames(features)
                .setWindowLength(window)
                .setScaler(new ScalerParams(ScalerKind.ZSCORE, boxed(center), boxed(scale)))
                .setFeatureMeans(boxed(center))
                .setThresholds(new Thresholds(anomaly, anomaly / 2, "test:2x-max"))
                .setValidationQuantiles(boxed(quantiles))
                .setTails(tails(validationScores))
                .setTraining(new TrainingSummary(2000L, 0, 0.0, 0.0, 0L, 7L, Map.of()))
                .setProbe(new Probe(8, floats(probe), boxed(probeScores)))
                .setOnnx(ByteBuffer.wrap(onnx))
                .setSha256("")
                .build();
        bundle.setSha256(BundleValidator.sha256(bundle));
        return bundle;
    }

    /** Rows near the normal manifold: latent plus 5% noise per value, in original units. */
    static float[] noisyRows(int rows, int width, long seed) {
        Random random = new Random(seed);
        float[] out = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            double latent = random.nextGaussian();
            for (int c = 0; c < width; c++) {
                out[r * width + c] = (float) normal(latent + 0.05 * random.nextGaussian());
            }
        }
        return out;
    }

    /** Scores rows with ONNX Runtime (what the trainer records as probe scores). */
    static float[] score(byte[] onnx, float[] rows, int width) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx);
                OnnxTensor input =
                        OnnxTensor.createTensor(env, FloatBuffer.wrap(rows), new long[] {rows.length / width, width});
                OrtSession.Result result = session.run(Map.of(ModelContract.INPUT, input))) {
            FloatBuffer scores = ((OnnxTensor) result.get(ModelContract.SCORE).orElseThrow()).getFloatBuffer();
            float[] out = new float[scores.remaining()];
            scores.get(out);
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("test model does not run", e);
        }
    }

    private static OnnxMl.ModelProto graph(int f, int window, double[] center, double[] scale) {
        int width = f * window;
        ONNXContext ctx = new ONNXContext();
        ONNXPlaceholder input = ctx.floatInput(ModelContract.INPUT, width);
        ONNXRef<?> c = ctx.array("center", tile(center, window));
        ONNXRef<?> s = ctx.array("scale", tile(scale, window));
        ONNXNode z = input.apply(ONNXOperators.SUB, c).apply(ONNXOperators.DIV, s);
        ONNXNode recon = gemm(ctx, z, "projection", width, width, (i, j) -> i / f == j / f ? 1.0f / f : 0f);
        ONNXNode diff = z.apply(ONNXOperators.SUB, recon);
        ONNXNode squared = diff.apply(ONNXOperators.MUL, diff);
        ONNXNode errors = gemm(ctx, squared, "window_mean", width, f, (i, j) -> i % f == j ? 1.0f / window : 0f);
        errors.assignTo(ctx.floatOutput(ModelContract.FEATURE_ERROR, f));
        ONNXNode score = errors.apply(ONNXOperators.REDUCE_MEAN, Map.of("axes", new int[] {1}, "keepdims", 0));
        score.assignTo(ctx.floatOutput(ModelContract.SCORE, 1));
        ONNXNode newest = gemm(ctx, recon, "newest", width, f, (i, j) -> i == (window - 1) * f + j ? 1f : 0f);
        newest.apply(ONNXOperators.MUL, ctx.array("scale_f", toFloats(scale)))
                .apply(ONNXOperators.ADD, ctx.array("center_f", toFloats(center)))
                .assignTo(ctx.floatOutput(ModelContract.RECONSTRUCTION, f));
        return model(withRankOneScore(ctx.buildGraph()));
    }

    interface Cell {
        float value(int row, int column);
    }

    private static ONNXNode gemm(ONNXContext ctx, ONNXRef<?> x, String name, int rows, int cols, Cell cell) {
        var matrix = ctx.floatTensor(name, List.of(rows, cols), buffer -> {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    buffer.put(cell.value(i, j));
                }
            }
        });
        return x.apply(ONNXOperators.GEMM, matrix);
    }

    private static OnnxMl.GraphProto withRankOneScore(OnnxMl.GraphProto graph) {
        OnnxMl.GraphProto.Builder builder = graph.toBuilder();
        for (int i = 0; i < builder.getOutputCount(); i++) {
            OnnxMl.ValueInfoProto output = builder.getOutput(i);
            if (output.getName().equals(ModelContract.SCORE)) {
                var shape =
                        output.getType().getTensorType().getShape().toBuilder().removeDim(1);
                var type = output.getType().toBuilder();
                type.getTensorTypeBuilder().setShape(shape);
                builder.setOutput(i, output.toBuilder().setType(type));
            }
        }
        return builder.build();
    }

    private static OnnxMl.ModelProto model(OnnxMl.GraphProto graph) {
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("vigil-tests")
                .setGraph(graph)
                .addOpsetImport(ONNXOperators.getOpsetProto())
                .build();
    }

    private static float[] tile(double[] values, int times) {
        float[] out = new float[values.length * times];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i % values.length];
        }
        return out;
    }

    private static float[] toFloats(double[] values) {
        return tile(values, 1);
    }

    /** The tails the trainer would fit on these validation scores: plain and drift (depth 20). */
    static List<dev.vigil.contract.avro.Tail> tails(float[] validationScores) {
        int[] runs = {validationScores.length};
        return java.util.stream.IntStream.of(0, 20)
                .mapToObj(depth -> dev.vigil.contract.ScoreTail.fit(validationScores, runs, depth, 128))
                .map(tail -> tail.toAvro(validationScores.length))
                .toList();
    }

    private static double[] quantiles(float[] scores, int levels) {
        float[] sorted = scores.clone();
        Arrays.sort(sorted);
        double[] out = new double[levels];
        for (int i = 0; i < levels; i++) {
            out[i] = sorted[(int) Math.round((double) i / (levels - 1) * (sorted.length - 1))];
        }
        return out;
    }

    private static List<Double> boxed(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    private static List<Double> boxed(float[] values) {
        List<Double> out = new ArrayList<>();
        for (float v : values) {
            out.add((double) v);
        }
        return out;
    }

    private static List<Float> floats(float[] values) {
        List<Float> out = new ArrayList<>();
        for (float v : values) {
            out.add(v);
        }
        return out;
    }
}
