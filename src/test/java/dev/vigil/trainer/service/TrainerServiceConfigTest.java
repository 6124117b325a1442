package dev.vigil.trainer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class TrainerServiceConfigTest {
    private static Map<String, String> minimal() {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", "localhost:9092");
        values.put("model.group", "pumps");
        return values;
    }

    private static String failure(String key, String value) {
        Map<String, String> values = minimal();
        values.put(key, value);
        return assertThrows(ConfigException.class, () -> new TrainerServiceConfig(values))
                .getMessage();
    }

    @Test
    void defaultsAreUsableAndDurationsParse() {
        Map<String, String> values = minimal();
        values.put("train.interval", "15m");
        values.put("kafka.security.protocol", "PLAINTEXT");
        TrainerServiceConfig config = new TrainerServiceConfig(values);

        assertEquals(Duration.ofMinutes(15), config.duration(TrainerServiceConfig.TRAIN_INTERVAL));
        assertEquals(Duration.ofHours(24), config.duration(TrainerServiceConfig.COLLECT_MAX_AGE));
        assertEquals("PLAINTEXT", config.kafkaClient().get("security.protocol"));
    }

    @Test
    void theExampleConfigurationIsValid() throws Exception {
        TrainerServiceConfig config = TrainerServiceConfig.load(java.nio.file.Path.of("config/trainer.properties"));

        assertEquals("pumps", config.getString(TrainerServiceConfig.MODEL_GROUP));
    }

    @Test
    void environmentVariablesOverrideTheFile() throws Exception {
        TrainerServiceConfig config = TrainerServiceConfig.load(
                java.nio.file.Path.of("config/trainer.properties"),
                Map.of("VIGIL_TRAIN_INTERVAL", "30m", "VIGIL_MODEL_GROUP", "fans", "PATH", "/bin"));

        assertEquals(Duration.ofMinutes(30), config.duration(TrainerServiceConfig.TRAIN_INTERVAL));
        assertEquals("fans", config.getString(TrainerServiceConfig.MODEL_GROUP));
    }

    @Test
    void aMissingRequiredKeyIsNamed() {
        Map<String, String> values = minimal();
        values.remove("model.group");

        var error = assertThrows(ConfigException.class, () -> new TrainerServiceConfig(values));
        assertTrue(error.getMessage().contains("model.group"), error.getMessage());
    }

    @Test
    void badValuesFailWithTheKeyAndTheReason() {
        assertTrue(failure("train.interval", "soon").contains("train.interval"));
        assertTrue(failure("train.interval", "soon").contains("not a duration"));
        assertTrue(failure("gate.false.alarm.budget", "1.5").contains("gate.false.alarm.budget"));
        assertTrue(failure("collect.value.ranges", "temp:9:1").contains("min is greater than max"));
        assertTrue(failure("train.variants", "undercomplete,magic").contains("train.variants"));
        assertTrue(failure("signing.key", "/no/such/key").contains("is not a readable file"));
        assertTrue(failure("train.min.gap", "2h").contains("must not exceed train.interval"));
        assertTrue(failure("train.layers", "8,zero").contains("train.layers"));
    }

    @Test
    void aTypoIsRefusedWithTheNearestKey() {
        assertEquals(
                "unknown key `train.intervall` (from the file, or VIGIL_TRAIN_INTERVALL); did you mean `train.interval`?",
                failure("train.intervall", "5m"));
    }

    @Test
    void aTypoInTheEnvironmentIsRefusedButReservedVariablesAreNot() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("config/trainer.properties");
        ConfigException e = assertThrows(
                ConfigException.class, () -> TrainerServiceConfig.load(file, Map.of("VIGIL_MODEL_GRUOP", "x")));
        assertTrue(e.getMessage().endsWith("did you mean `model.group`?"), e.getMessage());
        TrainerServiceConfig.load(file, Map.of("VIGIL_OPS_BIND_ADDRESS", "0.0.0.0", "VIGIL_JAVA_OPTS", ""));
    }

    @Test
    void theStartUpDescriptionHidesSecrets() {
        Map<String, String> values = minimal();
        values.put("kafka.ssl.keystore.key", "-----BEGIN PRIVATE KEY-----MIIEvQ");
        values.put("kafka.sasl.jaas.config", "user=u password=p");
        values.put("kafka.security.protocol", "SASL_SSL");
        String text = new TrainerServiceConfig(values).describe();

        assertTrue(text.contains("kafka.ssl.keystore.key = [hidden]"), text);
        assertTrue(text.contains("kafka.sasl.jaas.config = [hidden]"), text);
        assertTrue(text.contains("kafka.security.protocol = SASL_SSL"), text);
        assertTrue(text.contains("model.group = pumps"), text);
        assertFalse(text.contains("MIIEvQ") || text.contains("password=p"), text);
    }
}
