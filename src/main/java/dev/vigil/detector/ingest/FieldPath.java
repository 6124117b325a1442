package dev.vigil.detector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * A nested field path such as {@code $.device.id}, {@code payload.sensors.temp} or {@code items.0.v}
 * (numeric segments index arrays), resolved against JSON trees or Avro generic records.
 */
public final class FieldPath {
    private final String text;
    private final List<String> segments;

    private FieldPath(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** Parses a path; a leading {@code $} or {@code $.} is optional. */
    public static FieldPath parse(String text) {
        String body = text.startsWith("$.") ? text.substring(2) : text.startsWith("$") ? text.substring(1) : text;
        if (body.isEmpty() || body.startsWith(".") || body.endsWith(".") || body.contains("..")) {
            throw new IllegalArgumentException("malformed field path '" + text + "'");
        }
        return new FieldPath(text, List.of(body.split("\\.")));
    }

    /** The node at this path, or a missing node. */
    public JsonNode resolve(JsonNode root) {
        JsonNode node = root;
        for (String segment : segments) {
            node = node.isArray() && isIndex(segment) ? node.path(Integer.parseInt(segment)) : node.path(segment);
        }
        return node;
    }

    /** The value at this path (Avro's own types: Utf8, Long, GenericRecord ...), or null. */
    public Object resolve(GenericRecord root) {
        Object node = root;
        for (String segment : segments) {
            node = step(node, segment);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static Object step(Object node, String segment) {
        if (node instanceof GenericRecord record) {
            return record.hasField(segment) ? record.get(segment) : null;
        }
        if (node instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .filter(e -> e.getKey().toString().equals(segment))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        if (node instanceof List<?> list && isIndex(segment)) {
            int index = Integer.parseInt(segment);
            return index < list.size() ? list.get(index) : null;
        }
        return null;
    }

    private static boolean isIndex(String segment) {
        return segment.chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return text;
    }
}
