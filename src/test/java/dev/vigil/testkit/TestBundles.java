package dev.vigil.testkit;

import ai.onnx.proto.OnnxMl;
import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.Probe;
import dev.vigil.contract.avro.ScalerKind;
import dev.vigil.contract.avro.ScalerParams;
import dev.vigil.contract.avro.Thresholds;
import dev.vigil.contract.avro.TrainingSummary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where every test gets a model bundle: placeholders that need no runnable model ({@link #withOnnx},
 * {@link #random}), real linear ONNX bundles generated in code ({@link #linear}), bundles trained by
 * the project's own trainer ({@link #trained}), the bad bundles a detector must refuse
 * ({@link #bad}), and good bundles whose ONNX model was made unsafe ({@link #withExternalData},
 * {@link #withCustomDomain}, {@link #withExtraNodes}, {@link #withZerosInitializer}).
 */
public final class TestBundles {
    /** Features of the {@link #linear(long)} bundle. */
    public static final List<String> FEATURES = LinearBundles.FEATURES;

    /** Group of the {@link #trained} bundles. */
    public static final String TRAINED_GROUP = TrainedBundles.GROUP;

    /** A bad bundle of kind {@code kind} and the refusal reasons acceptable for it. */
    public record Bad(String kind, ModelBundle bundle, Set<String> reasons) {}

    private TestBundles() {}

    /** A well-formed bundle of {@code group} and {@code version} with {@code onnx} as its model bytes. */
    public static ModelBundle withOnnx(String group, long version, byte[] onnx) {
        Map<String, String> config = new HashMap<>();
        config.put("hidden", "4");
        config.put("learningRate", "0.001");
        config.put("epochs", "20");
        return ModelBundle.newBuilder()
                .setGroup(group)
                .setVersion(version)
                .setVariant("undercomplete")
                .setCreatedAt(Instant.ofEpochMilli(1_700_000_000_000L + version))
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

    /** A well-formed bundle with 256 pseudo-random model bytes drawn from {@code seed}. */
    public static ModelBundle random(String group, long version, long seed) {
        byte[] onnx = new byte[256];
        new Random(seed).nextBytes(onnx);
        return withOnnx(group, version, onnx);
    }

    /** A runnable window-1 linear bundle of group {@code pumps} over {@link #FEATURES}, centre 50, scale 10. */
    public static ModelBundle linear(long version) {
        return LinearBundles.linear(version);
    }

    /** A runnable linear bundle for {@code features} with a window of {@code window} readings. */
    public static ModelBundle linear(String group, long version, List<String> features, int window) {
        return LinearBundles.linear(group, version, features, window);
    }

    /** Values of a reading the linear bundles find perfectly normal: every feature at this value. */
    public static double normal(double latent) {
        return LinearBundles.normal(latent);
    }

    /** The bundle trained (once per JVM) on {@link SyntheticSensors#trainingSequences}, as {@code version}. */
    public static ModelBundle trained(long version) {
        return TrainedBundles.trained(version);
    }

    /** Writes the trained bundle of {@code version} to {@code dir/v<version>.bundle}. */
    public static Path writeTrained(Path dir, long version) throws IOException {
        return TrainedBundles.writeTrained(dir, version);
    }

    /** Every bad bundle made from {@code good}, versions from {@code firstVersion} up (the stale one is 0). */
    public static List<Bad> bad(ModelBundle good, KeyPair signer, long firstVersion) {
        return BadBundles.all(good, signer, firstVersion);
    }

    /** {@code bundle} signed by {@code signer}. */
    public static ModelBundle signed(ModelBundle bundle, KeyPair signer) {
        return BadBundles.signed(bundle, signer);
    }

    /**
     * A valid, unsigned bundle over {@code temp, pressure} that reconstructs the scaled row {@code z}
     * as {@code gain · z}, so its score is {@code mean((gain − 1)² z²)}: different gains give
     * different, predictable scores, with probe scores computed in Java.
     */
    public static ModelBundle gain(String group, long version, float gain) {
        return GainBundles.bundle(group, version, gain);
    }

    /** The score {@link #gain} bundles give a reading. */
    public static double gainScore(float temp, float pressure, float gain) {
        return GainBundles.score(temp, pressure, gain);
    }

    /** {@code bundle} (a {@link #gain} bundle) with its weights byte-swapped: it loads, but scores wrongly. */
    public static ModelBundle withFlippedWeights(ModelBundle bundle, float gain) {
        return GainBundles.withFlippedWeights(bundle, gain);
    }

    /**
     * {@code bundle} with its first initializer named {@code prefix}* turned into an external-data
     * reference to {@code location} (values dropped, sha256 recomputed).
     */
    public static ModelBundle withExternalData(ModelBundle bundle, String prefix, String location) {
        return UnsafeOnnx.externalData(bundle, prefix, location);
    }

    /** {@code bundle} with its first node's operator in the custom {@code domain}. */
    public static ModelBundle withCustomDomain(ModelBundle bundle, String domain) {
        return UnsafeOnnx.customDomain(bundle, domain);
    }

    /** {@code bundle} with {@code count} extra, unused Identity nodes. */
    public static ModelBundle withExtraNodes(ModelBundle bundle, int count) {
        return UnsafeOnnx.extraNodes(bundle, count);
    }

    /** {@code bundle} with an unused int64 initializer of {@code elements} zeros (8 bytes each decoded). */
    public static ModelBundle withZerosInitializer(ModelBundle bundle, int elements) {
        return UnsafeOnnx.zerosInitializer(bundle, elements);
    }

    /** {@code bundle} with its ONNX model rewritten by {@code edit} (protobuf builders) and sha256 recomputed. */
    public static ModelBundle withEditedOnnx(ModelBundle bundle, UnaryOperator<OnnxMl.ModelProto.Builder> edit) {
        return UnsafeOnnx.edited(bundle, edit);
    }
}
