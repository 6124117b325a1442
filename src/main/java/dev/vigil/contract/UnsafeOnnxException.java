package dev.vigil.contract;

/** ONNX bytes that {@link OnnxSafety} refuses to hand to a runtime; the hazard says which check failed. */
public final class UnsafeOnnxException extends Exception {
    /** What is wrong with the model. */
    public enum Hazard {
        /** The bytes do not parse as an ONNX {@code ModelProto} with a graph (truncated or corrupt). */
        MALFORMED,
        /** Serialized size, node count or tensor bytes exceed the {@link OnnxSafety.Limits}. */
        TOO_LARGE,
        /** A tensor keeps its data outside the model ({@code data_location = EXTERNAL}, {@code external_data}). */
        EXTERNAL_DATA,
        /** A node uses an operator domain outside {@link OnnxSafety#STANDARD_DOMAINS}. */
        CUSTOM_DOMAIN
    }

    private final Hazard hazard;

    public UnsafeOnnxException(Hazard hazard, String message) {
        this(hazard, message, null);
    }

    public UnsafeOnnxException(Hazard hazard, String message, Throwable cause) {
        super(message, cause);
        this.hazard = hazard;
    }

    /** Which check failed. */
    public Hazard hazard() {
        return hazard;
    }
}
