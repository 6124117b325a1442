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
    TANH("Tanh");

    private final String opName;

    OnnxOps(String opName) {
        this.opName = opName;
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return 1;
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
