package dev.vigil.trainer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.contract.ModelContract;
import dev.vigil.contract.avro.ModelBundle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON manifest stored in the ONNX model's metadata: what a reader needs without the bundle. */
final class Manifest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifest() {}

    /**
     * Serialises the descriptive fields of {@code bundle} (no onnx, probe, hash or signature), its
     * score described by {@code head}.
     */
    static String json(ModelBundle bundle, ScoreHead head) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", bundle.getGroup());
        m.put("version", bundle.getVersion());
        m.put("variant", bundle.getVariant());
        m.put("createdAt", bundle.getCreatedAt().toEpochMilli());
        m.put("featureNames", bundle.getFeatureNames());
        m.put("windowLength", bundle.getWindowLength());
        m.put("input", ModelContract.INPUT);
        m.put("outputs", List.of(ModelContract.SCORE, ModelContract.FEATURE_ERROR, ModelContract.RECONSTRUCTION));
        m.put("score", head.description());
        m.put("scoreMetadata", new java.util.TreeMap<>(head.metadata()));
        m.put(
                "scaler",
                Map.of(
                        "kind", bundle.getScaler().getKind().name(),
                        "center", bundle.getScaler().getCenter(),
                        "scale", bundle.getScaler().getScale()));
        m.put(
                "thresholds",
                Map.of(
                        "anomaly", bundle.getThresholds().getAnomaly(),
                        "exit", bundle.getThresholds().getExit(),
                        "rule", bundle.getThresholds().getRule()));
        m.put("training", new LinkedHashMap<>(bundle.getTraining().getConfig()));
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest serialisation failed", e);
        }
    }
}
