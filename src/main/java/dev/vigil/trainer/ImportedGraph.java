package dev.vigil.trainer;

import ai.onnx.proto.OnnxMl;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The input and output of a user's ONNX autoencoder that {@link ModelImport} wraps: one float tensor
 * {@code [N, D]} in, its reconstruction {@code [N, D]} out, {@code D} = features × window. Named by
 * the user, or found as the only float rank-2 input and output. Refuses, naming the tensor, a type
 * other than float, a rank other than 2, a fixed batch dimension (the detector scores batches of any
 * size), a fixed width other than {@code D}, and inputs Vigil would not feed. A symbolic width is
 * accepted here; the trial run on the calibration sample checks it.
 *
 * @param input the user's input tensor
 * @param output the user's reconstruction tensor
 * @param found whether they were found (true) or named by the user (false)
 */
record ImportedGraph(OnnxMl.ValueInfoProto input, OnnxMl.ValueInfoProto output, boolean found) {
    private static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT_VALUE;

    /**
     * The input and output of {@code graph} for inputs {@code width} wide.
     *
     * @param inputName the input to use, or null to find it
     * @param outputName the output to use, or null to find it
     * @throws IllegalArgumentException naming what does not fit
     */
    static ImportedGraph of(OnnxMl.GraphProto graph, int width, String inputName, String outputName) {
        List<OnnxMl.ValueInfoProto> inputs = fedInputs(graph);
        OnnxMl.ValueInfoProto input = choose("input", inputs, inputName, "--input");
        OnnxMl.ValueInfoProto output = choose("output", graph.getOutputList(), outputName, "--output");
        if (inputs.size() > 1) {
            throw new IllegalArgumentException(
                    "the graph needs inputs " + names(inputs) + "; Vigil feeds exactly one, the window of readings");
        }
        if (input.getName().equals(output.getName())) {
            throw new IllegalArgumentException("output " + quoted(output) + " is the input itself");
        }
        check("input", input, width, "features × window = " + width);
        check("output", output, width, "the input's " + width + ": the output must reconstruct the input");
        return new ImportedGraph(input, output, inputName == null || outputName == null);
    }

    /** For the console: {@code input 'x' float [batch, 5], output 'y' float [batch, 5] (found)}. */
    String describe() {
        return "input " + quoted(input) + " float " + shape(input) + ", output " + quoted(output) + " float "
                + shape(output) + (found ? " (found: the only float rank-2 input and output)" : " (as named)");
    }

    /** Graph inputs that are not initializers (old exporters list initializers as inputs too). */
    private static List<OnnxMl.ValueInfoProto> fedInputs(OnnxMl.GraphProto graph) {
        Set<String> initializers = graph.getInitializerList().stream()
                .map(OnnxMl.TensorProto::getName)
                .collect(Collectors.toSet());
        return graph.getInputList().stream()
                .filter(i -> !initializers.contains(i.getName()))
                .toList();
    }

    private static OnnxMl.ValueInfoProto choose(
            String role, List<OnnxMl.ValueInfoProto> candidates, String name, String option) {
        if (name != null) {
            return candidates.stream()
                    .filter(c -> c.getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the graph has no " + role + " named '" + name
                            + "'; its " + role + "s are " + names(candidates)));
        }
        List<OnnxMl.ValueInfoProto> fitting =
                candidates.stream().filter(ImportedGraph::floatMatrix).toList();
        if (fitting.size() != 1 && candidates.size() == 1) {
            return candidates.get(0); // the only one: check() says why it does not fit
        }
        if (fitting.size() != 1) {
            throw new IllegalArgumentException("the graph has " + fitting.size() + " float rank-2 " + role + "s "
                    + names(fitting) + " among " + names(candidates) + "; name the one to use with " + option);
        }
        return fitting.get(0);
    }

    private static boolean floatMatrix(OnnxMl.ValueInfoProto value) {
        OnnxMl.TypeProto.Tensor tensor = value.getType().getTensorType();
        return tensor.getElemType() == FLOAT && tensor.getShape().getDimCount() == 2;
    }

    private static void check(String role, OnnxMl.ValueInfoProto value, int width, String expected) {
        OnnxMl.TypeProto.Tensor tensor = value.getType().getTensorType();
        String name = role + " " + quoted(value);
        if (!value.getType().hasTensorType() || tensor.getElemType() != FLOAT) {
            throw new IllegalArgumentException(name + " is of type " + elementType(tensor)
                    + ", not float: Vigil feeds and reads fp32 tensors; export the model in float32");
        }
        List<OnnxMl.TensorShapeProto.Dimension> dims = tensor.getShape().getDimList();
        if (!tensor.hasShape() || dims.size() != 2) {
            throw new IllegalArgumentException(name + " has rank " + (tensor.hasShape() ? dims.size() : "unknown") + " "
                    + shape(value) + "; Vigil needs rank 2, [batch, features × window]");
        }
        if (dims.get(0).hasDimValue()) {
            throw new IllegalArgumentException(
                    name + " has a fixed batch dimension of " + dims.get(0).getDimValue()
                            + ", so it cannot take the detector's batches of N rows; export it with a dynamic batch axis,"
                            + " e.g. torch.onnx.export(..., dynamic_axes={'" + value.getName() + "': {0: 'batch'}})");
        }
        if (dims.get(1).hasDimValue() && dims.get(1).getDimValue() != width) {
            throw new IllegalArgumentException(
                    name + " is " + dims.get(1).getDimValue() + " wide " + shape(value) + ", not " + expected);
        }
    }

    private static String elementType(OnnxMl.TypeProto.Tensor tensor) {
        OnnxMl.TensorProto.DataType type = OnnxMl.TensorProto.DataType.forNumber(tensor.getElemType());
        return type == null ? "unknown (" + tensor.getElemType() + ")" : type.name();
    }

    private static String shape(OnnxMl.ValueInfoProto value) {
        return value.getType().getTensorType().getShape().getDimList().stream()
                .map(d -> d.hasDimValue()
                        ? Long.toString(d.getDimValue())
                        : d.getDimParam().isEmpty() ? "?" : d.getDimParam())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quoted(OnnxMl.ValueInfoProto value) {
        return "'" + value.getName() + "'";
    }

    private static String names(List<OnnxMl.ValueInfoProto> values) {
        return values.stream().map(ImportedGraph::quoted).toList().toString();
    }
}
