package dev.vigil.detector.config;

import dev.vigil.detector.ingest.FieldMapping;
import dev.vigil.detector.ingest.MappedReadingDecoder;
import dev.vigil.detector.ingest.NativeReadingDecoder;
import dev.vigil.detector.ingest.ReadingDecoder;
import dev.vigil.detector.ingest.WireFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/** Turns the input-related configuration keys into the ingest stage's decoder and feature lists. */
public final class DetectorInputs {
    private DetectorInputs() {}

    /** The decoder chosen by {@code input.format}, {@code mapping.*} and {@code input.avro.schema.file}. */
    public static ReadingDecoder decoder(DetectorConfig config) {
        WireFormat format =
                WireFormat.valueOf(config.getString(DetectorConfig.INPUT_FORMAT).toUpperCase(Locale.ROOT));
        String entity = config.getString(DetectorConfig.MAPPING_ENTITY);
        if (entity.isEmpty()) {
            return new NativeReadingDecoder(format);
        }
        return new MappedReadingDecoder(mapping(config), format, schema(config));
    }

    /** The sidecar mapping; fails naming the key when a path is malformed. */
    public static FieldMapping mapping(DetectorConfig config) {
        try {
            return FieldMapping.of(
                    config.getString(DetectorConfig.MAPPING_ENTITY),
                    config.getString(DetectorConfig.MAPPING_TIMESTAMP),
                    config.list(DetectorConfig.MAPPING_FEATURES));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    DetectorConfig.MAPPING_FEATURES, config.list(DetectorConfig.MAPPING_FEATURES), e.getMessage());
        }
    }

    /** Feature names the mapping supplies; empty in native mode (any name may arrive). */
    public static Set<String> availableFeatures(DetectorConfig config) {
        if (config.getString(DetectorConfig.MAPPING_ENTITY).isEmpty()) {
            return Set.of();
        }
        return mapping(config).features().keySet().stream().collect(Collectors.toUnmodifiableSet());
    }

    private static Schema schema(DetectorConfig config) {
        String file = config.getString(DetectorConfig.INPUT_AVRO_SCHEMA_FILE);
        try {
            return file.isEmpty() ? null : MappedReadingDecoder.readSchema(Path.of(file));
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(DetectorConfig.INPUT_AVRO_SCHEMA_FILE, file, "not a readable Avro schema: " + e);
        }
    }
}
