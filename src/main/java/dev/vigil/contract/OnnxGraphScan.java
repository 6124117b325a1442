package dev.vigil.contract;

import ai.onnx.proto.OnnxMl;
import java.util.Optional;

/**
 * One pass over every graph of a parsed ONNX model (main graph, node-attribute subgraphs, training
 * graphs, local functions): counts nodes and decoded tensor bytes, and remembers the first tensor
 * with external data and the first node of a non-standard operator domain. Only reads the protobuf.
 */
final class OnnxGraphScan {
    private static final int MAX_QUOTED = 200;

    private long nodes;
    private long initializerBytes;
    private String externalTensor;
    private String customDomain;

    private OnnxGraphScan() {}

    /** Scans every graph and function of {@code model}. */
    static OnnxGraphScan of(OnnxMl.ModelProto model) {
        OnnxGraphScan scan = new OnnxGraphScan();
        scan.graph(model.getGraph());
        for (OnnxMl.TrainingInfoProto training : model.getTrainingInfoList()) {
            scan.graph(training.getInitialization());
            scan.graph(training.getAlgorithm());
        }
        for (OnnxMl.FunctionProto function : model.getFunctionsList()) {
            function.getNodeList().forEach(scan::node);
            function.getAttributeProtoList().forEach(scan::attribute);
        }
        return scan;
    }

    long nodes() {
        return nodes;
    }

    long initializerBytes() {
        return initializerBytes;
    }

    /** A description of the first tensor whose data lives outside the model, if any. */
    Optional<String> externalTensor() {
        return Optional.ofNullable(externalTensor);
    }

    /** A description of the first node whose operator domain is not standard, if any. */
    Optional<String> customDomain() {
        return Optional.ofNullable(customDomain);
    }

    private void graph(OnnxMl.GraphProto graph) {
        graph.getInitializerList().forEach(this::tensor);
        graph.getSparseInitializerList().forEach(this::sparse);
        graph.getNodeList().forEach(this::node);
    }

    private void node(OnnxMl.NodeProto node) {
        nodes++;
        if (customDomain == null && !OnnxSafety.STANDARD_DOMAINS.contains(node.getDomain())) {
            customDomain = "node " + quoted(node.getName()) + " runs operator " + quoted(node.getOpType())
                    + " of domain " + quoted(node.getDomain()) + "; only the standard domains '', 'ai.onnx'"
                    + " and 'ai.onnx.ml' are allowed";
        }
        node.getAttributeList().forEach(this::attribute);
    }

    private void attribute(OnnxMl.AttributeProto attribute) {
        if (attribute.hasT()) {
            tensor(attribute.getT());
        }
        attribute.getTensorsList().forEach(this::tensor);
        if (attribute.hasSparseTensor()) {
            sparse(attribute.getSparseTensor());
        }
        attribute.getSparseTensorsList().forEach(this::sparse);
        if (attribute.hasG()) {
            graph(attribute.getG());
        }
        attribute.getGraphsList().forEach(this::graph);
    }

    private void sparse(OnnxMl.SparseTensorProto sparse) {
        tensor(sparse.getValues());
        tensor(sparse.getIndices());
    }

    private void tensor(OnnxMl.TensorProto tensor) {
        initializerBytes += decodedBytes(tensor);
        boolean external = tensor.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL
                || tensor.getExternalDataCount() > 0;
        if (external && externalTensor == null) {
            externalTensor = "tensor " + quoted(tensor.getName()) + " keeps its data outside the model ("
                    + location(tensor) + "); external data is never read";
        }
    }

    /** Bytes the tensor's values take once decoded (repeated fields are varint-packed on the wire). */
    private static long decodedBytes(OnnxMl.TensorProto tensor) {
        long strings = 0;
        for (var s : tensor.getStringDataList()) {
            strings += s.size();
        }
        return tensor.getRawData().size()
                + strings
                + 4L * (tensor.getFloatDataCount() + tensor.getInt32DataCount())
                + 8L * (tensor.getInt64DataCount() + tensor.getDoubleDataCount() + tensor.getUint64DataCount());
    }

    private static String location(OnnxMl.TensorProto tensor) {
        return tensor.getExternalDataList().stream()
                .filter(entry -> entry.getKey().equals("location"))
                .map(entry -> "location " + quoted(entry.getValue()))
                .findFirst()
                .orElse("data_location " + tensor.getDataLocation());
    }

    private static String quoted(String text) {
        String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text;
        return "'" + shown + "'";
    }
}
