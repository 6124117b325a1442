package dev.vigil.detector.config;

import dev.vigil.contract.KeySuggestion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigException;

/** Checks that span several keys, run after each key passed its own validator. */
final class DetectorConfigChecks {
    private DetectorConfigChecks() {}

    static void check(DetectorConfig config) {
        KeySuggestion.unknownKey(config.originals().keySet(), config.values().keySet(), DetectorConfig.KAFKA_PREFIX)
                .ifPresent(refusal -> {
                    throw new ConfigException(refusal);
                });
        if (config.list(DetectorConfig.BOOTSTRAP_SERVERS).isEmpty()) {
            throw new ConfigException(DetectorConfig.BOOTSTRAP_SERVERS, "", "needs at least one host:port");
        }
        checkKOfN(config);
        checkMapping(config);
        checkFile(config, DetectorConfig.MODEL_PATH, false);
        checkFile(config, DetectorConfig.MODEL_DIR, true);
        checkFile(config, DetectorConfig.INPUT_AVRO_SCHEMA_FILE, false);
        checkFile(config, DetectorConfig.MODEL_TRUSTED_KEYS, false);
    }

    private static void checkKOfN(DetectorConfig config) {
        int k = config.getInt(DetectorConfig.ALERT_K);
        int n = config.getInt(DetectorConfig.ALERT_N);
        if (k > n) {
            throw new ConfigException(DetectorConfig.ALERT_K, k, "must not exceed " + DetectorConfig.ALERT_N + "=" + n);
        }
    }

    private static void checkMapping(DetectorConfig config) {
        boolean mapped = !config.getString(DetectorConfig.MAPPING_ENTITY).isEmpty();
        var features = config.list(DetectorConfig.MAPPING_FEATURES);
        if (mapped && features.isEmpty()) {
            throw new ConfigException(DetectorConfig.MAPPING_FEATURES, "", "is required when mapping.entity is set");
        }
        if (!mapped && !features.isEmpty()) {
            throw new ConfigException(DetectorConfig.MAPPING_ENTITY, "", "is required when mapping.features is set");
        }
        for (String pair : features) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new ConfigException(DetectorConfig.MAPPING_FEATURES, pair, "each entry must be feature=path");
            }
        }
    }

    private static void checkFile(DetectorConfig config, String key, boolean directory) {
        String value = config.getString(key);
        if (value.isEmpty()) {
            return;
        }
        Path path = Path.of(value);
        boolean ok = directory ? Files.isDirectory(path) : Files.isRegularFile(path);
        if (!ok) {
            throw new ConfigException(key, value, directory ? "is not a directory" : "is not a readable file");
        }
    }
}
