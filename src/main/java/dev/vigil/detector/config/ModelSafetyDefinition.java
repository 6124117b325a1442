package dev.vigil.detector.config;

import static dev.vigil.detector.config.DetectorConfig.*;

import dev.vigil.contract.OnnxSafety;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The declaration table of the keys that keep bad models out: the history topic the models follower
 * falls back to, and the {@link OnnxSafety} limits checked before ONNX Runtime sees a model.
 */
final class ModelSafetyDefinition {
    private ModelSafetyDefinition() {}

    static void define(ConfigDef def) {
        def.define(
                        MODELS_HISTORY_TOPIC,
                        Type.STRING,
                        "vigil.models.history",
                        Importance.LOW,
                        "Append-only topic of every published bundle: when no bundle of the group on the models"
                                + " topic is usable at start-up (garbage is its latest value, or all are refused),"
                                + " the newest usable one here is loaded. Empty = no fallback.")
                .define(
                        MODEL_MAX_ONNX_BYTES,
                        Type.LONG,
                        OnnxSafety.Limits.DEFAULT.maxOnnxBytes(),
                        Range.atLeast(1),
                        Importance.LOW,
                        "Largest ONNX model, in serialized bytes, that may reach ONNX Runtime; larger ones are"
                                + " refused (ONNX_TOO_LARGE).")
                .define(
                        MODEL_MAX_NODES,
                        Type.INT,
                        OnnxSafety.Limits.DEFAULT.maxNodes(),
                        Range.atLeast(1),
                        Importance.LOW,
                        "Most nodes an ONNX model may have, over all its graphs; more are refused (ONNX_TOO_LARGE).")
                .define(
                        MODEL_MAX_INITIALIZER_BYTES,
                        Type.LONG,
                        OnnxSafety.Limits.DEFAULT.maxInitializerBytes(),
                        Range.atLeast(0),
                        Importance.LOW,
                        "Most bytes of tensor data (initializers and constants, decoded) an ONNX model may"
                                + " hold; more are refused (ONNX_TOO_LARGE).");
    }
}
