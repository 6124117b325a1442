package dev.vigil.cli;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Small ONNX graphs built in code with the protobuf classes, each wrong for import in one way: shapes
 * are dimension lists where a {@code Long} is a fixed size and a {@code String} a symbolic one.
 */
final class ImportGraphs {
    static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT_VALUE;
    static final int DOUBLE = OnnxMl.TensorProto.DataType.DOUBLE_VALUE;

    private ImportGraphs() {}

    /** {@code y = op(x, extra inputs...)} with x and y of the given type and shapes. */
    static OnnxMl.GraphProto.Builder graph(
            String op, int type, List<Object> in, List<Object> out, String... extraInputs) {
        OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder()
                .setOpType(op)
                .setName(op.toLowerCase())
                .addInput("x");
        for (String extra : extraInputs) {
            node.addInput(extra);
        }
        return OnnxMl.GraphProto.newBuilder()
                .setName("bad")
                .addNode(node.addOutput("y"))
                .addInput(value("x", type, in))
                .addOutput(value("y", type, out));
    }

    /** A float initializer of {@code dims} holding {@code values}. */
    static OnnxMl.TensorProto floats(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder()
                .setName(name)
                .setDataType(FLOAT)
                .setRawData(ByteString.copyFrom(raw.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    /** Writes {@code graph} as an opset-14 model to {@code dir/name}. */
    static Path write(Path dir, String name, OnnxMl.GraphProto.Builder graph) throws IOException {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("import-test")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(14))
                .setGraph(graph)
                .build();
        Path file = dir.resolve(name);
        Files.write(file, model.toByteArray());
        return file;
    }

    private static OnnxMl.ValueInfoProto value(String name, int type, List<Object> dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (Object d : dims) {
            var dim = OnnxMl.TensorShapeProto.Dimension.newBuilder();
            shape.addDim(d instanceof Long size ? dim.setDimValue(size) : dim.setDimParam((String) d));
        }
        return OnnxMl.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.TypeProto.newBuilder()
                        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                                .setElemType(type)
                                .setShape(shape)))
                .build();
    }
}
