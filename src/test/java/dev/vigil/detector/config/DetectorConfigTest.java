package dev.vigil.detector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.DetectorStreams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorConfigTest {
    @TempDir
    Path dir;

    private static ConfigException invalid(Map<String, Object> values) {
        return assertThrows(ConfigException.class, () -> new DetectorConfig(values));
    }

    @Test
    void defaultsAreExactlyOnceOnTheVigilTopics() {
        DetectorConfig config = new DetectorConfig(Map.of());
        assertTrue(config.exactlyOnce());
        assertEquals("vigil.readings", config.getString(DetectorConfig.INPUT_TOPIC));
        assertEquals("vigil.dlq", config.getString(DetectorConfig.DLQ_TOPIC));
    }

    @Test
    void anUnknownRepartitionModeFailsNamingTheKey() {
        assertEquals("never", new DetectorConfig(Map.of()).getString(DetectorConfig.INPUT_REPARTITION));
        String message =
                invalid(Map.of(DetectorConfig.INPUT_REPARTITION, "sometimes")).getMessage();
        assertTrue(message.contains(DetectorConfig.INPUT_REPARTITION) && message.contains("sometimes"), message);
    }

    @Test
    void backgroundScoringIsOnAboveTwoProcessorsUnlessSet() {
        boolean manyCores = Runtime.getRuntime().availableProcessors() > 2;
        assertEquals(manyCores, new DetectorConfig(Map.of()).scoringInBackground(), "auto");
        assertTrue(new DetectorConfig(Map.of(DetectorConfig.SCORING_BACKGROUND, "true")).scoringInBackground());
        assertFalse(new DetectorConfig(Map.of(DetectorConfig.SCORING_BACKGROUND, "false")).scoringInBackground());
    }

    @Test
    void environmentVariablesOverrideTheFile() throws IOException {
        Path file = dir.resolve("detector.properties");
        Files.writeString(file, "input.topic=from-file\nalert.k=2\n");
        DetectorConfig config = DetectorConfig.load(file, Map.of("VIGIL_INPUT_TOPIC", "from-env", "PATH", "/bin"));
        assertEquals("from-env", config.getString(DetectorConfig.INPUT_TOPIC));
        assertEquals(2, config.getInt(DetectorConfig.ALERT_K));
    }

    @Test
    void kafkaPrefixedKeysPassThroughToStreams() throws IOException {
        DetectorConfig config = DetectorConfig.load(null, Map.of("VIGIL_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));
        var props = DetectorStreams.properties(new DetectorConfig(
                Map.of("kafka.sasl.mechanism", "PLAIN", "kafka." + StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "250")));
        assertEquals("SASL_SSL", config.kafkaOverrides().get("security.protocol"));
        assertEquals("PLAIN", props.get("sasl.mechanism"));
        assertEquals("250", props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG), "kafka.* wins");
    }

    @Test
    void anInvalidValueFailsNamingTheKeyAndTheReason() {
        assertTrue(invalid(Map.of(DetectorConfig.PROCESSING_GUARANTEE, "maybe"))
                .getMessage()
                .contains("processing.guarantee"));
        assertTrue(invalid(Map.of(DetectorConfig.SCORING_BATCH_SIZE, "0"))
                .getMessage()
                .contains("scoring.batch.size"));
        assertTrue(invalid(Map.of(DetectorConfig.SCORING_BACKGROUND, "sometimes"))
                .getMessage()
                .contains("scoring.background"));
        assertTrue(invalid(Map.of(DetectorConfig.ALERT_K, "7", DetectorConfig.ALERT_N, "5"))
                .getMessage()
                .contains("alert.k"));
        assertTrue(invalid(Map.of(
                        DetectorConfig.MODEL_PATH, dir.resolve("none.bundle").toString()))
                .getMessage()
                .contains("model.path"));
        assertTrue(invalid(Map.of(DetectorConfig.MAPPING_ENTITY, "$.id"))
                .getMessage()
                .contains("mapping.features"));
        assertTrue(invalid(Map.of(DetectorConfig.MAPPING_ENTITY, "$.id", DetectorConfig.MAPPING_FEATURES, "temp"))
                .getMessage()
                .contains("feature=path"));
    }

    @Test
    void eventTimeAndEntityLimitsOutsideTheirRangeFailNamingTheKey() {
        for (var bad : Map.of(
                        DetectorConfig.MAX_TIMESTAMP_JUMP_MS, "0",
                        DetectorConfig.CLOCK_RESET_AFTER, "1",
                        DetectorConfig.MAX_ENTITY_BYTES, "0")
                .entrySet()) {
            String message = invalid(Map.of(bad.getKey(), bad.getValue())).getMessage();
            assertTrue(message.contains(bad.getKey()) && message.contains("at least"), message);
        }
    }

    @Test
    void theDefinitionDocumentsEveryKey() {
        assertFalse(DetectorConfig.definition().configKeys().values().stream()
                .anyMatch(key -> key.documentation == null || key.documentation.isBlank()));
    }

    @Test
    void theStartUpDescriptionListsEveryKeyAndHidesSecrets() {
        DetectorConfig config = new DetectorConfig(Map.of("kafka.sasl.jaas.config", "user=u password=p"));
        String text = config.describe();
        assertTrue(text.contains("alert.k = 3"), text);
        assertTrue(text.contains("kafka.sasl.jaas.config = [hidden]"), text);
        assertFalse(text.contains("password=p"));
    }

    @Test
    void keysWhoseNamesSuggestASecretAreHiddenToo() {
        String pem = "-----BEGIN PRIVATE KEY-----MIIEvQ";
        DetectorConfig config = new DetectorConfig(Map.of(
                "kafka.ssl.keystore.key", pem,
                "kafka.sasl.oauthbearer.token.endpoint.url", "https://idp/token",
                "kafka.ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----"));
        String text = config.describe();
        assertTrue(text.contains("kafka.ssl.keystore.key = [hidden]"), text);
        assertTrue(text.contains("kafka.sasl.oauthbearer.token.endpoint.url = [hidden]"), text);
        assertFalse(text.contains(pem), text);
        assertTrue(text.contains("kafka.ssl.truststore.certificates = -----BEGIN CERTIFICATE-----"), text);
    }

    @Test
    void aTypoInTheFileIsRefusedWithTheNearestKey() throws IOException {
        Path file = dir.resolve("detector.properties");
        Files.writeString(file, "treshold.mode=global\n");
        ConfigException e = assertThrows(ConfigException.class, () -> DetectorConfig.load(file, Map.of()));
        assertEquals(
                "unknown key `treshold.mode` (from the file, or VIGIL_TRESHOLD_MODE); did you mean `threshold.mode`?",
                e.getMessage());
    }

    @Test
    void aTypoInTheEnvironmentIsRefusedWithTheNearestKey() {
        ConfigException e =
                assertThrows(ConfigException.class, () -> DetectorConfig.load(null, Map.of("VIGIL_INPUT_TOPICS", "x")));
        assertTrue(e.getMessage().contains("unknown key `input.topics`"), e.getMessage());
        assertTrue(e.getMessage().endsWith("did you mean `input.topic`?"), e.getMessage());
    }

    @Test
    void reservedAndForeignVariablesAndKafkaKeysAreNotRefused() throws IOException {
        DetectorConfig config = DetectorConfig.load(
                null,
                Map.of(
                        "VIGIL_OPS_BIND_ADDRESS", "0.0.0.0",
                        "VIGIL_JAVA_OPTS", "-Xmx1g",
                        "LOG_FORMAT", "json",
                        "VIGIL_KAFKA_MADE_UP_SETTING", "1"));
        assertEquals("1", config.kafkaOverrides().get("made.up.setting"));
    }

    @Test
    void theDefaultTrustIsSignedAndTheKnownModelTrustValuesAreChecked() {
        assertEquals("signed", new DetectorConfig(Map.of()).getString(DetectorConfig.MODEL_TRUST));
        assertTrue(
                invalid(Map.of(DetectorConfig.MODEL_TRUST, "some")).getMessage().contains("model.trust"));
    }
}
