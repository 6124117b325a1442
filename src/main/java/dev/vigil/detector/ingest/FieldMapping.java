package dev.vigil.detector.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the entity, event time and features live in foreign records (sidecar mode).
 *
 * @param entity path of the entity
 * @param timestamp path of the event time, or null to use the Kafka record timestamp
 * @param features feature name to path, in configuration order
 */
public record FieldMapping(FieldPath entity, FieldPath timestamp, Map<String, FieldPath> features) {
    /** Parses {@code name=path} pairs as given in {@code mapping.features}. */
    public static FieldMapping of(String entity, String timestamp, List<String> featurePairs) {
        Map<String, FieldPath> features = new LinkedHashMap<>();
        for (String pair : featurePairs) {
            int eq = pair.indexOf('=');
            features.put(
                    pair.substring(0, eq).trim(),
                    FieldPath.parse(pair.substring(eq + 1).trim()));
        }
        FieldPath time = timestamp == null || timestamp.isEmpty() ? null : FieldPath.parse(timestamp);
        return new FieldMapping(FieldPath.parse(entity), time, Map.copyOf(features));
    }
}
