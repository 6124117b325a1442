package dev.vigil.testkit;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.avro.ModelBundle;
import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;

/**
 * The ONNX models a detector must refuse before ONNX Runtime sees them, made in code from a good
 * bundle's model with the ONNX protobuf builders: each keeps the bundle well formed and correctly
 * hashed, so only the ONNX safety checks can catch it.
 */
final class UnsafeOnnx {
    private UnsafeOnnx() {}

    /** {@code bundle} with its ONNX model rewritten by {@code edit} and its sha256 recomputed. */
    static ModelBundle edited(ModelBundle bundle, UnaryOperator<OnnxMl.ModelProto.Builder> edit) {
        byte[] onnx = edit.apply(model(bundle).toBuilder()).build().toByteArray();
        return ModelBundle.newBuilder(bundle)
                .setOnnx(ByteBuffer.wrap(onnx))
                .setSha256(BundleSigning.sha256Hex(ByteBuffer.wrap(onnx)))
                .build();
    }

    /**
     * The first initializer whose name starts with {@code prefix} turned into an external-data
     * reference to {@code location} (offset 0, its raw byte length); its values are dropped.
     */
    static ModelBundle externalData(ModelBundle bundle, String prefix, String location) {
        return edited(bundle, model -> {
            OnnxMl.GraphProto.Builder graph = model.getGraphBuilder();
            int index = initializer(graph, prefix);
            OnnxMl.TensorProto tensor = graph.getInitializer(index);
            long length = 4L
                    * Math.max(tensor.getFloatDataCount(), tensor.getRawData().size() / 4);
            graph.setInitializer(
                    index,
                    tensor.toBuilder()
                            .clearFloatData()
                            .clearRawData()
                            .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
                            .addExternalData(entry("location", location))
                            .addExternalData(entry("offset", "0"))
                            .addExternalData(entry("length", Long.toString(length))));
            return model;
        });
    }

    /** The first node's operator moved to {@code domain}, which the model imports at version 1. */
    static ModelBundle customDomain(ModelBundle bundle, String domain) {
        return edited(bundle, model -> {
            model.getGraphBuilder().getNodeBuilder(0).setDomain(domain);
            model.addOpsetImport(
                    OnnxMl.OperatorSetIdProto.newBuilder().setDomain(domain).setVersion(1));
            return model;
        });
    }

    /** {@code count} extra Identity nodes reading the graph's first input, their outputs unused. */
    static ModelBundle extraNodes(ModelBundle bundle, int count) {
        return edited(bundle, model -> {
            OnnxMl.GraphProto.Builder graph = model.getGraphBuilder();
            String input = graph.getInput(0).getName();
            for (int i = 0; i < count; i++) {
                graph.addNode(OnnxMl.NodeProto.newBuilder()
                        .setOpType("Identity")
                        .setName("pad_" + i)
                        .addInput(input)
                        .addOutput("pad_out_" + i));
            }
            return model;
        });
    }

    /**
     * An unused int64 initializer of {@code elements} zeros: each takes one byte on the wire (packed
     * varints) but eight once decoded.
     */
    static ModelBundle zerosInitializer(ModelBundle bundle, int elements) {
        return edited(bundle, model -> {
            OnnxMl.TensorProto.Builder zeros = OnnxMl.TensorProto.newBuilder()
                    .setName("unused_zeros")
                    .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber())
                    .addDims(elements);
            for (int i = 0; i < elements; i++) {
                zeros.addInt64Data(0L);
            }
            model.getGraphBuilder().addInitializer(zeros);
            return model;
        });
    }

    private static int initializer(OnnxMl.GraphProto.Builder graph, String prefix) {
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getName().startsWith(prefix)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no initializer named " + prefix + "* in the model");
    }

    private static OnnxMl.StringStringEntryProto entry(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder()
                .setKey(key)
                .setValue(value)
                .build();
    }

    private static OnnxMl.ModelProto model(ModelBundle bundle) {
        byte[] bytes = new byte[bundle.getOnnx().remaining()];
        bundle.getOnnx().duplicate().get(bytes);
        try {
            return OnnxMl.ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the bundle's model is not ONNX", e);
        }
    }
}
