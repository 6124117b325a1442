package dev.vigil.contract;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.Probe;
import dev.vigil.contract.avro.ScalerKind;
import dev.vigil.contract.avro.ScalerParams;
import dev.vigil.contract.avro.Thresholds;
import dev.vigil.contract.avro.TrainingSummary;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Well-formed bundles for tests that need a bundle but not a runnable model (signing, topics). */
public final class TestBundles {
    private TestBundles() {}

    /** A bundle of {@code group} and {@code version} with {@code onnx} as its model bytes. */
    public static ModelBundle withOnnx(String group, long version, byte[] onnx) {
        Map<String, String> config = new HashMap<>();
        config.put("hidden", "4");
        config.put("learningRate", "0.001");
        config.put("epochs", "20");
        return ModelBundle.newBuilder()
                .setGroup(group)
                .setVersion(version)
                .setVariant("undercomplete")
                .setCreatedAt(java.time.Instant.ofEpochMilli(1_700_000_000_000L + version))
                .setFeatureNames(List.of("temp", "pressure"))
                .setWindowLength(1)
                .setScaler(new ScalerParams(ScalerKind.ZSCORE, List.of(20.0, 1.0), List.of(2.0, 0.1)))
                .setFeatureMeans(List.of(20.0, 1.0))
                .setThresholds(new Thresholds(0.5, 0.4, "quantile:0.995"))
                .setValidationQuantiles(List.of(0.0, 0.1, 0.2, 0.3, 0.6))
                .setTraining(new TrainingSummary(100L, 5, 0.1, 0.12, 10L, 7L, config))
                .setProbe(new Probe(1, List.of(20.0f, 1.0f), List.of(0.05)))
                .setOnnx(ByteBuffer.wrap(onnx))
                .setSha256(BundleSigning.sha256Hex(ByteBuffer.wrap(onnx)))
                .build();
    }

    /** A bundle with 256 pseudo-random model bytes drawn from {@code seed}. */
    public static ModelBundle random(String group, long version, long seed) {
        byte[] onnx = new byte[256];
        new Random(seed).nextBytes(onnx);
        return withOnnx(group, version, onnx);
    }
}
