package dev.vigil.contract;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.vigil.contract.UnsafeOnnxException.Hazard;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * The one check ONNX bytes pass before any runtime sees them: the detector runs it before ONNX
 * Runtime loads a bundle, the trainer before it imports an incumbent or gates a candidate. It parses
 * the model with the ONNX protobuf classes only (no runtime, no file access) and refuses, in this
 * order: more serialized bytes than allowed; bytes that are not an ONNX model with a graph; more
 * nodes or more tensor data than allowed; any tensor whose data lives outside the model (external
 * data, which a runtime would read from disk at a path the model chooses); any operator domain other
 * than the standard ONNX ones. Every graph is inspected: the main graph, subgraphs in node attributes,
 * training graphs and local functions. Thread-safe and stateless.
 */
public final class OnnxSafety {
    /** Operator domains a model may use: the default ONNX domain (empty or {@code ai.onnx}) and ONNX-ML. */
    public static final Set<String> STANDARD_DOMAINS = Set.of("", "ai.onnx", "ai.onnx.ml");

    /**
     * Upper bounds on a model's size.
     *
     * @param maxOnnxBytes largest serialized model, in bytes
     * @param maxNodes most nodes, summed over every graph and function
     * @param maxInitializerBytes most tensor data (initializers, also sparse ones, and constants in node
     *     attributes), in decoded bytes
     */
    public record Limits(long maxOnnxBytes, int maxNodes, long maxInitializerBytes) {
        /**
         * 16 MiB, 10,000 nodes, 16 MiB: the size of the largest bundle the model topics carry, and far
         * above the models the trainer exports (52 features × window 10, deep: 2.9 MB, 21 nodes).
         */
        public static final Limits DEFAULT = new Limits(16L << 20, 10_000, 16L << 20);

        public Limits {
            if (maxOnnxBytes < 1 || maxNodes < 1 || maxInitializerBytes < 0) {
                throw new IllegalArgumentException("ONNX limits must be positive: " + maxOnnxBytes + " bytes, "
                        + maxNodes + " nodes, " + maxInitializerBytes + " initializer bytes");
            }
        }
    }

    private OnnxSafety() {}

    /** Checks {@code onnx} (from its position to its limit; the buffer is not consumed) and returns the parsed model. */
    public static OnnxMl.ModelProto check(ByteBuffer onnx, Limits limits) throws UnsafeOnnxException {
        byte[] bytes = new byte[onnx.remaining()];
        onnx.duplicate().get(bytes);
        return check(bytes, limits);
    }

    /** Checks {@code onnx} and returns the parsed model. */
    public static OnnxMl.ModelProto check(byte[] onnx, Limits limits) throws UnsafeOnnxException {
        if (onnx.length > limits.maxOnnxBytes()) {
            throw new UnsafeOnnxException(
                    Hazard.TOO_LARGE, "the model has " + onnx.length + " bytes, more than " + limits.maxOnnxBytes());
        }
        OnnxMl.ModelProto model = parse(onnx);
        OnnxGraphScan scan = OnnxGraphScan.of(model);
        if (scan.nodes() > limits.maxNodes()) {
            throw new UnsafeOnnxException(
                    Hazard.TOO_LARGE, "the model has " + scan.nodes() + " nodes, more than " + limits.maxNodes());
        }
        if (scan.initializerBytes() > limits.maxInitializerBytes()) {
            throw new UnsafeOnnxException(
                    Hazard.TOO_LARGE,
                    "the model's initializers and constants hold " + scan.initializerBytes() + " bytes, more than "
                            + limits.maxInitializerBytes());
        }
        if (scan.externalTensor().isPresent()) {
            throw new UnsafeOnnxException(
                    Hazard.EXTERNAL_DATA, scan.externalTensor().get());
        }
        if (scan.customDomain().isPresent()) {
            throw new UnsafeOnnxException(
                    Hazard.CUSTOM_DOMAIN, scan.customDomain().get());
        }
        return model;
    }

    private static OnnxMl.ModelProto parse(byte[] onnx) throws UnsafeOnnxException {
        OnnxMl.ModelProto model;
        try {
            model = OnnxMl.ModelProto.parseFrom(onnx);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new UnsafeOnnxException(Hazard.MALFORMED, "the bytes are not an ONNX model: " + e.getMessage(), e);
        }
        if (!model.hasGraph()) {
            throw new UnsafeOnnxException(Hazard.MALFORMED, "the bytes are not an ONNX model: no graph");
        }
        return model;
    }
}
