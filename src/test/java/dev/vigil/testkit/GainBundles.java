package dev.vigil.testkit;

import ai.onnx.proto.OnnxMl;
import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.ModelContract;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.Probe;
import dev.vigil.contract.avro.ScalerKind;
import dev.vigil.contract.avro.ScalerParams;
import dev.vigil.contract.avro.Thresholds;
import dev.vigil.contract.avro.TrainingSummary;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;

/**
 * Real, runnable ONNX models for swap tests, generated in code (after ONNX Runtime's
 * ModelGenerators): window 1, features {@code temp} and {@code pressure}, scaled by (x - c) / s and
 * "reconstructed" as {@code gain · z}, so score = mean((gain − 1)² z²). Different gains give
 * different, predictable scores; the probe scores are computed in Java.
 */
final class GainBundles {
    /** Feature names of every test model. */
    public static final List<String> FEATURES = List.of("temp", "pressure");

    static final float[] CENTER = {20f, 1f};
    static final float[] SCALE = {2f, 0.1f};

    private GainBundles() {}

    /** A valid, unsigned bundle whose model reconstructs with {@code gain}. */
    public static ModelBundle bundle(String group, long version, float gain) {
        byte[] onnx = onnx(gain);
        float[] probe = {20f, 1f, 24f, 1.2f, 16f, 0.9f};
        return ModelBundle.newBuilder()
                .setGroup(group)
                .setVersion(version)
                .setVariant("undercomplete")
                .setCreatedAt(Instant.ofEpochMilli(1_700_000_000_000L + version))
                .setFeatureNames(FEATURES)
                .setWindowLength(1)
                .setScaler(new ScalerParams(ScalerKind.ZSCORE, List.of(20.0, 1.0), List.of(2.0, 0.1)))
                .setFeatureMeans(List.of(20.0, 1.0))
                .setThresholds(new Thresholds(3.0, 2.0, "quantile:0.995"))
                .setValidationQuantiles(List.of(0.0, 0.01, 0.05, 0.2, 1.0))
                .setTraining(new TrainingSummary(1000L, 10, 0.1, 0.1, 5L, 1L, Map.of("gain", Float.toString(gain))))
                .setProbe(new Probe(3, boxed(probe), scores(probe, gain)))
                .setOnnx(ByteBuffer.wrap(onnx))
                .setSha256(BundleSigning.sha256Hex(ByteBuffer.wrap(onnx)))
                .build();
    }

    /** The score the test model with {@code gain} gives one row of raw (temp, pressure). */
    public static double score(float temp, float pressure, float gain) {
        return scores(new float[] {temp, pressure}, gain).get(0);
    }

    static List<Double> scores(float[] rows, float gain) {
        List<Double> scores = new ArrayList<>();
        for (int r = 0; r < rows.length / 2; r++) {
            float sum = 0;
            for (int f = 0; f < 2; f++) {
                float z = (rows[2 * r + f] - CENTER[f]) / SCALE[f];
                float d = gain * z - z;
                sum += d * d;
            }
            scores.add((double) (sum / 2));
        }
        return scores;
    }

    private static List<Float> boxed(float[] values) {
        List<Float> list = new ArrayList<>();
        for (float v : values) {
            list.add(v);
        }
        return list;
    }

    /** The ONNX bytes of the model with {@code gain}. */
    static byte[] onnx(float gain) {
        ONNXContext ctx = new ONNXContext();
        ctx.setName("test_gain_model");
        ONNXPlaceholder input = ctx.floatInput(ModelContract.INPUT, 2);
        ONNXNode z = input.apply(ONNXOperators.SUB, ctx.array("center", CENTER))
                .apply(ONNXOperators.DIV, ctx.array("scale", SCALE));
        ONNXNode y = z.apply(ONNXOperators.MUL, ctx.array("gain", new float[] {gain, gain}));
        ONNXNode d = y.apply(ONNXOperators.SUB, z);
        ONNXNode squared = d.apply(ONNXOperators.MUL, d);
        ONNXNode score = squared.apply(ONNXOperators.REDUCE_MEAN, Map.of("axes", new int[] {1}, "keepdims", 0));
        ONNXNode featureError = squared.apply(ONNXOperators.MUL, ctx.array("ones", new float[] {1f, 1f}));
        ONNXNode reconstruction = y.apply(ONNXOperators.MUL, ctx.array("unscale", SCALE))
                .apply(ONNXOperators.ADD, ctx.array("uncenter", CENTER));
        ctx.assignTo(score, ctx.floatOutput(ModelContract.SCORE, 1));
        ctx.assignTo(featureError, ctx.floatOutput(ModelContract.FEATURE_ERROR, 2));
        ctx.assignTo(reconstruction, ctx.floatOutput(ModelContract.RECONSTRUCTION, 2));
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(7)
                .setProducerName("vigil-test")
                .addOpsetImport(ONNXOperators.getOpsetProto())
                .setGraph(vectorScore(ctx.buildGraph()))
                .build()
                .toByteArray();
    }

    private static OnnxMl.GraphProto vectorScore(OnnxMl.GraphProto graph) {
        OnnxMl.GraphProto.Builder builder = graph.toBuilder();
        for (int i = 0; i < builder.getOutputCount(); i++) {
            if (builder.getOutput(i).getName().equals(ModelContract.SCORE)) {
                builder.getOutputBuilder(i)
                        .getTypeBuilder()
                        .getTensorTypeBuilder()
                        .getShapeBuilder()
                        .removeDim(1);
            }
        }
        return builder.build();
    }

    /**
     * The bundle with the gain's float bytes turned into +Infinity inside the ONNX bytes, sha256
     * recomputed: the model still loads but scores Infinity.
     */
    public static ModelBundle withFlippedWeights(ModelBundle bundle, float gain) {
        byte[] onnx = new byte[bundle.getOnnx().remaining()];
        bundle.getOnnx().duplicate().get(onnx);
        byte[] pattern = littleEndian(gain);
        int at = indexOf(onnx, pattern);
        if (at < 0) {
            throw new IllegalStateException("gain bytes not found in the model");
        }
        System.arraycopy(littleEndian(Float.POSITIVE_INFINITY), 0, onnx, at, 4);
        ModelBundle flipped =
                ModelBundle.newBuilder(bundle).setOnnx(ByteBuffer.wrap(onnx)).build();
        flipped.setSha256(BundleSigning.sha256Hex(ByteBuffer.wrap(onnx)));
        return flipped;
    }

    private static byte[] littleEndian(float value) {
        return ByteBuffer.allocate(4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putFloat(value)
                .array();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
