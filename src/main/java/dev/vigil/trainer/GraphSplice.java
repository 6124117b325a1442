package dev.vigil.trainer;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Puts a user's autoencoder into the graph {@link OnnxExporter} built around a one-layer
 * placeholder: the placeholder's {@code Gemm} is replaced by the user's nodes, which read the scaled
 * input and write the scaled reconstruction the exporter's outputs are computed from. Every name of
 * the user's graph (nodes, values, initializers, also inside subgraphs) gets the prefix
 * {@value #PREFIX}, so nothing clashes with Vigil's names. The model keeps the user's operator sets
 * (ONNX opsets {@value #MIN_OPSET} to {@value #MAX_OPSET}, those whose {@code Gemm}, {@code Sub},
 * {@code Div}, {@code Mul} and {@code ReduceMean} the exporter's nodes are valid in) and local functions.
 */
final class GraphSplice {
    /** Prefix of every name taken from the user's graph. */
    static final String PREFIX = "imported_";

    static final int MIN_OPSET = 11;
    static final int MAX_OPSET = 17;
    private static final long MIN_IR_VERSION = 7;
    private static final Set<String> DEFAULT_DOMAINS = Set.of("", "ai.onnx");

    private final String userInput;
    private final String userOutput;
    private String scaled;
    private String reconstruction;

    private GraphSplice(ImportedGraph io) {
        this.userInput = io.input().getName();
        this.userOutput = io.output().getName();
    }

    /** {@code vigil}'s model with {@code user}'s graph in place of its placeholder layer. */
    static byte[] splice(byte[] vigil, OnnxMl.ModelProto user, ImportedGraph io) {
        checkOpset(user);
        OnnxMl.ModelProto wrapper = parse(vigil);
        return new GraphSplice(io).wrap(wrapper, user).toByteArray();
    }

    /** The user's default-domain opset, refused outside {@value #MIN_OPSET}..{@value #MAX_OPSET}. */
    static void checkOpset(OnnxMl.ModelProto user) {
        for (OnnxMl.OperatorSetIdProto opset : user.getOpsetImportList()) {
            long v = opset.getVersion();
            if (DEFAULT_DOMAINS.contains(opset.getDomain()) && (v < MIN_OPSET || v > MAX_OPSET)) {
                throw new IllegalArgumentException("the model uses ONNX opset " + v + "; import takes opsets "
                        + MIN_OPSET + " to " + MAX_OPSET + " (torch.onnx.export(..., opset_version=14))");
            }
        }
    }

    private OnnxMl.ModelProto wrap(OnnxMl.ModelProto wrapper, OnnxMl.ModelProto user) {
        OnnxMl.GraphProto.Builder graph = wrapper.getGraph().toBuilder();
        int at = placeholder(graph);
        OnnxMl.NodeProto gemm = graph.getNode(at);
        scaled = gemm.getInput(0);
        reconstruction = gemm.getOutput(0);
        List<OnnxMl.NodeProto> nodes = new ArrayList<>(graph.getNodeList());
        nodes.remove(at);
        nodes.addAll(at, user.getGraph().getNodeList().stream().map(this::node).toList());
        List<OnnxMl.TensorProto> initializers = new ArrayList<>(graph.getInitializerList());
        initializers.removeIf(
                t -> t.getName().equals(gemm.getInput(1)) || t.getName().equals(gemm.getInput(2)));
        user.getGraph().getInitializerList().forEach(t -> initializers.add(tensor(t)));
        graph.clearNode().addAllNode(nodes).clearInitializer().addAllInitializer(initializers);
        user.getGraph().getSparseInitializerList().forEach(s -> graph.addSparseInitializer(sparse(s)));
        return wrapper.toBuilder()
                .setGraph(graph)
                .setProducerName("vigil-import")
                .setIrVersion(Math.max(MIN_IR_VERSION, user.getIrVersion()))
                .clearOpsetImport()
                .addAllOpsetImport(opsets(wrapper, user))
                .addAllFunctions(user.getFunctionsList())
                .build();
    }

    /** The user's operator sets, plus the exporter's default domain if the user's model has none. */
    private static List<OnnxMl.OperatorSetIdProto> opsets(OnnxMl.ModelProto wrapper, OnnxMl.ModelProto user) {
        List<OnnxMl.OperatorSetIdProto> opsets = new ArrayList<>(user.getOpsetImportList());
        if (opsets.stream().noneMatch(o -> DEFAULT_DOMAINS.contains(o.getDomain()))) {
            opsets.addAll(wrapper.getOpsetImportList());
        }
        return opsets;
    }

    /** Index of the exporter's single dense layer, the one the user's graph replaces. */
    private static int placeholder(OnnxMl.GraphProto.Builder graph) {
        int found = -1;
        for (int i = 0; i < graph.getNodeCount(); i++) {
            OnnxMl.NodeProto node = graph.getNode(i);
            if (node.getOpType().equals("Gemm") && node.getInput(1).startsWith("dense_w")) {
                if (found >= 0) {
                    throw new IllegalStateException("the wrapper graph has more than one placeholder layer");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalStateException("the wrapper graph has no placeholder layer");
        }
        return found;
    }

    private String name(String name) {
        if (name.isEmpty()) {
            return name; // an omitted optional input
        }
        if (name.equals(userInput)) {
            return scaled;
        }
        return name.equals(userOutput) ? reconstruction : PREFIX + name;
    }

    private OnnxMl.NodeProto node(OnnxMl.NodeProto node) {
        OnnxMl.NodeProto.Builder b = node.toBuilder().clearInput().clearOutput().clearAttribute();
        node.getInputList().forEach(n -> b.addInput(name(n)));
        node.getOutputList().forEach(n -> b.addOutput(name(n)));
        if (!node.getName().isEmpty()) {
            b.setName(PREFIX + node.getName());
        }
        node.getAttributeList().forEach(a -> b.addAttribute(attribute(a)));
        return b.build();
    }

    private OnnxMl.AttributeProto attribute(OnnxMl.AttributeProto attribute) {
        if (!attribute.hasG() && attribute.getGraphsCount() == 0) {
            return attribute;
        }
        OnnxMl.AttributeProto.Builder b = attribute.toBuilder().clearGraphs();
        if (attribute.hasG()) {
            b.setG(graph(attribute.getG()));
        }
        attribute.getGraphsList().forEach(g -> b.addGraphs(graph(g)));
        return b.build();
    }

    /** A subgraph (If, Loop, Scan bodies) with every name renamed like the main graph's. */
    private OnnxMl.GraphProto graph(OnnxMl.GraphProto g) {
        OnnxMl.GraphProto.Builder b = g.toBuilder()
                .clearNode()
                .clearInitializer()
                .clearSparseInitializer()
                .clearInput()
                .clearOutput()
                .clearValueInfo();
        g.getNodeList().forEach(n -> b.addNode(node(n)));
        g.getInitializerList().forEach(t -> b.addInitializer(tensor(t)));
        g.getSparseInitializerList().forEach(s -> b.addSparseInitializer(sparse(s)));
        g.getInputList().forEach(v -> b.addInput(value(v)));
        g.getOutputList().forEach(v -> b.addOutput(value(v)));
        g.getValueInfoList().forEach(v -> b.addValueInfo(value(v)));
        return b.build();
    }

    private OnnxMl.TensorProto tensor(OnnxMl.TensorProto tensor) {
        return tensor.toBuilder().setName(name(tensor.getName())).build();
    }

    private OnnxMl.SparseTensorProto sparse(OnnxMl.SparseTensorProto sparse) {
        return sparse.toBuilder()
                .setValues(tensor(sparse.getValues()))
                .setIndices(tensor(sparse.getIndices()))
                .build();
    }

    private OnnxMl.ValueInfoProto value(OnnxMl.ValueInfoProto value) {
        return value.toBuilder().setName(name(value.getName())).build();
    }

    private static OnnxMl.ModelProto parse(byte[] onnx) {
        try {
            return OnnxMl.ModelProto.parseFrom(onnx);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the exporter's own graph does not parse", e);
        }
    }
}
