package dev.vigil.trainer;

import java.util.Map;
import java.util.Set;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

/** Opset-13 operators that tribuo-util-onnx's {@code ONNXOperators} lacks. */
enum OnnxOps implements ONNXOperator {
    /** Rectified linear unit, element-wise. */
    RELU("Relu"),
    /** Hyperbolic tangent, element-wise. */
    TANH("Tanh"),
    /** Exponential, element-wise. */
    EXP("Exp"),
    /** A copy of its input (gives one value a second output name). */
    IDENTITY("Identity"),
    /** Element-wise maximum of two inputs. */
    MAX("Max", 2),
    /** Element-wise minimum of two inputs. */
    MIN("Min", 2);

    private final String opName;
    private final int inputs;

    OnnxOps(String opName) {
        this(opName, 1);
    }

    OnnxOps(String opName, int inputs) {
        this.opName = opName;
        this.inputs = inputs;
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return inputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return 0;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return Map.of();
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return Set.of();
    }

    @Override
    public int getOpVersion() {
        return 13;
    }

    @Override
    public String getOpDomain() {
        return null; // the default ONNX domain, as in tribuo's own operators
    }
}
