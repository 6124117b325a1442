package dev.vigil.detector.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.OnnxSafety;
import dev.vigil.detector.config.DetectorConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The {@code model.max.*} keys and the history topic: defaults, overrides, and start-up errors. */
class ModelSafetyConfigTest {
    @Test
    void theDefaultsAreTheDefaultOnnxLimitsAndTheTrainersHistoryTopic() {
        DetectorConfig config = new DetectorConfig(Map.of());
        assertEquals(OnnxSafety.Limits.DEFAULT, ModelSources.onnxLimits(config));
        assertEquals("vigil.models.history", config.getString(DetectorConfig.MODELS_HISTORY_TOPIC));
    }

    @Test
    void configuredLimitsReachTheValidator() {
        DetectorConfig config = new DetectorConfig(Map.of(
                DetectorConfig.MODEL_MAX_ONNX_BYTES, "1000",
                DetectorConfig.MODEL_MAX_NODES, "20",
                DetectorConfig.MODEL_MAX_INITIALIZER_BYTES, "300"));
        assertEquals(new OnnxSafety.Limits(1000, 20, 300), ModelSources.onnxLimits(config));
    }

    @Test
    void aLimitBelowItsMinimumFailsAtStartUpNamingTheKey() {
        for (String key : new String[] {DetectorConfig.MODEL_MAX_ONNX_BYTES, DetectorConfig.MODEL_MAX_NODES}) {
            ConfigException e = assertThrows(ConfigException.class, () -> new DetectorConfig(Map.of(key, "0")));
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> new DetectorConfig(Map.of(DetectorConfig.MODEL_MAX_INITIALIZER_BYTES, "-1")));
        assertTrue(e.getMessage().contains(DetectorConfig.MODEL_MAX_INITIALIZER_BYTES), e.getMessage());
    }
}
