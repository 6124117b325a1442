package dev.vigil.testkit;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.testkit.TestBundles.Bad;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The bundles a detector must refuse (the swap issue's list), made from a good trained bundle: each
 * with a version newer than the one in service (except the stale one) and the refusal reasons that
 * are acceptable for it.
 */
final class BadBundles {
    private BadBundles() {}

    /** Every bad bundle, versions from {@code firstVersion} up (the stale one is version 0). */
    static List<Bad> all(ModelBundle good, KeyPair signer, long firstVersion) {
        long v = firstVersion;
        List<Bad> bad = new ArrayList<>();
        bad.add(new Bad("truncated ONNX", signed(truncated(at(good, v++)), signer), Set.of("ONNX_MALFORMED")));
        bad.add(new Bad(
                "external data outside the bundle",
                signed(UnsafeOnnx.externalData(at(good, v++), "dense_w", "../../etc/passwd"), signer),
                Set.of("ONNX_EXTERNAL_DATA")));
        bad.add(new Bad(
                "custom operator domain",
                signed(UnsafeOnnx.customDomain(at(good, v++), "com.example.evil"), signer),
                Set.of("ONNX_CUSTOM_DOMAIN")));
        bad.add(new Bad(
                "flipped weight bytes",
                signed(flippedWeights(at(good, v++)), signer),
                Set.of("PROBE_NON_FINITE", "PROBE_MISMATCH")));
        bad.add(new Bad("wrong feature names", signed(renamed(at(good, v++)), signer), Set.of("LAYOUT_MISMATCH")));
        bad.add(new Bad("wrong window", signed(windowed(at(good, v++)), signer), Set.of("LAYOUT_MISMATCH")));
        bad.add(new Bad("bad signature", tamperedAfterSigning(at(good, v++), signer), Set.of("UNTRUSTED")));
        bad.add(new Bad("missing signature", BundleSigning.unsigned(at(good, v++)), Set.of("UNTRUSTED")));
        bad.add(new Bad("unknown signing key", signed(at(good, v++), SigningKeys.generate()), Set.of("UNTRUSTED")));
        bad.add(new Bad(
                "weights flipped after signing", flippedAfterSigning(at(good, v++), signer), Set.of("UNTRUSTED")));
        bad.add(new Bad("probe mismatch", signed(wrongProbe(at(good, v++)), signer), Set.of("PROBE_MISMATCH")));
        bad.add(new Bad("older version", signed(at(good, 0), signer), Set.of("STALE_VERSION")));
        return bad;
    }

    static ModelBundle signed(ModelBundle bundle, KeyPair signer) {
        return BundleSigning.sign(bundle, signer);
    }

    private static ModelBundle at(ModelBundle good, long version) {
        return ModelBundle.newBuilder(BundleSigning.unsigned(good))
                .setVersion(version)
                .build();
    }

    private static ModelBundle withOnnx(ModelBundle bundle, byte[] onnx) {
        return ModelBundle.newBuilder(bundle)
                .setOnnx(ByteBuffer.wrap(onnx))
                .setSha256(BundleSigning.sha256Hex(ByteBuffer.wrap(onnx)))
                .build();
    }

    private static byte[] onnx(ModelBundle bundle) {
        byte[] bytes = new byte[bundle.getOnnx().remaining()];
        bundle.getOnnx().duplicate().get(bytes);
        return bytes;
    }

    private static ModelBundle truncated(ModelBundle bundle) {
        byte[] bytes = onnx(bundle);
        return withOnnx(bundle, Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** Flips the exponent bits of every weight of the largest initializer (the model still loads). */
    static ModelBundle flippedWeights(ModelBundle bundle) {
        try {
            OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(onnx(bundle));
            OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
            int largest = largestInitializer(graph.getInitializerList());
            graph.setInitializer(largest, flipped(graph.getInitializer(largest)));
            return withOnnx(bundle, model.toBuilder().setGraph(graph).build().toByteArray());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the trained model is not ONNX", e);
        }
    }

    private static int largestInitializer(List<OnnxMl.TensorProto> initializers) {
        return initializers.stream()
                .max(Comparator.comparingInt(t -> Math.max(t.getRawData().size(), 4 * t.getFloatDataCount())))
                .map(initializers::indexOf)
                .orElseThrow();
    }

    private static OnnxMl.TensorProto flipped(OnnxMl.TensorProto tensor) {
        if (!tensor.getRawData().isEmpty()) {
            byte[] raw = tensor.getRawData().toByteArray();
            for (int i = 3; i < raw.length; i += 4) {
                raw[i] ^= 0x7F;
            }
            return tensor.toBuilder().setRawData(ByteString.copyFrom(raw)).build();
        }
        OnnxMl.TensorProto.Builder builder = tensor.toBuilder();
        for (int i = 0; i < tensor.getFloatDataCount(); i++) {
            int bits = Float.floatToRawIntBits(tensor.getFloatData(i)) ^ 0x7F000000;
            builder.setFloatData(i, Float.intBitsToFloat(bits));
        }
        return builder.build();
    }

    private static ModelBundle renamed(ModelBundle bundle) {
        return ModelBundle.newBuilder(bundle)
                .setFeatureNames(List.of("temp", "pressure", "humidity"))
                .build();
    }

    private static ModelBundle windowed(ModelBundle bundle) {
        return ModelBundle.newBuilder(bundle).setWindowLength(3).build();
    }

    private static ModelBundle tamperedAfterSigning(ModelBundle bundle, KeyPair signer) {
        ModelBundle signed = signed(bundle, signer);
        signed.getThresholds().setAnomaly(signed.getThresholds().getAnomaly() * 100);
        return signed;
    }

    private static ModelBundle flippedAfterSigning(ModelBundle bundle, KeyPair signer) {
        ModelBundle signed = signed(bundle, signer);
        ModelBundle flipped = flippedWeights(signed);
        flipped.setSignature(signed.getSignature());
        flipped.setKeyId(signed.getKeyId());
        return flipped;
    }

    private static ModelBundle wrongProbe(ModelBundle bundle) {
        List<Double> scores =
                bundle.getProbe().getScores().stream().map(s -> s * 3 + 1).toList();
        ModelBundle copy = ModelBundle.newBuilder(bundle).build();
        copy.getProbe().setScores(new ArrayList<>(scores));
        return copy;
    }
}
