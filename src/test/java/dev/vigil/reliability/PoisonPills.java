package dev.vigil.reliability;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.testkit.SyntheticSensors;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of bad input records: each with its raw key and value, the dead-letter reason the
 * detector must give it, and a word its error message must contain.
 */
final class PoisonPills {
    /** Records larger than this are oversized in the poison-pill run (validation.max.record.bytes). */
    static final int MAX_RECORD_BYTES = 65_536;

    private static final AvroCodec<SensorReading> CODEC = AvroCodec.of(SensorReading.class);
    private static final long HOUR = 3_600_000L;

    private PoisonPills() {}

    /** One kind of bad record. */
    record Pill(String kind, byte[] key, byte[] value, String reason, String messageWord) {}

    /**
     * Every kind; {@code now} is the wall-clock time of the run, {@code entity} an entity that already
     * sent readings with event time {@code now} (for the out-of-order case).
     */
    static List<Pill> all(long now, String entity) {
        return List.of(
                pill("truncated Avro", entity, Arrays.copyOf(avro(entity, now, 1.0), 12), "UNREADABLE", "Avro"),
                pill("unknown schema fingerprint", entity, unknownFingerprint(entity, now), "UNREADABLE", "Avro"),
                pill(
                        "JSON syntax error",
                        entity,
                        utf8("{\"entity\":\"" + entity + "\",\"values\":{\"temp\":"),
                        "UNREADABLE",
                        "JSON"),
                pill("JSON array instead of object", entity, utf8("[1,2,3]"), "UNREADABLE", "object"),
                pill("wrong type", entity, json(entity, now, "\"hot\""), "MAPPING_FAILED", "not a number"),
                pill("NaN", entity, avro(entity, now, Double.NaN), "NON_FINITE_VALUE", "NaN"),
                pill("+Infinity", entity, avro(entity, now, Double.POSITIVE_INFINITY), "NON_FINITE_VALUE", "Infinity"),
                pill("-Infinity", entity, json(entity, now, "-Infinity"), "NON_FINITE_VALUE", "Infinity"),
                pill("huge value beyond float range", entity, avro(entity, now, 1e300), "NON_FINITE_VALUE", "float"),
                pill("missing feature", entity, missingFeature(entity, now), "MISSING_FEATURE", "flow"),
                pill(
                        "no values",
                        entity,
                        utf8("{\"entity\":\"" + entity + "\",\"values\":{}}"),
                        "NO_VALUES",
                        "no values"),
                pill("empty value", entity, new byte[0], "UNREADABLE", "empty"),
                pill(
                        "null key and no entity",
                        null,
                        utf8("{\"values\":{\"temp\":1,\"pressure\":2,\"flow\":3}}"),
                        "MISSING_ENTITY",
                        "entity"),
                pill(
                        "far-future timestamp",
                        entity,
                        avro(entity, now + 48 * HOUR, 1.0),
                        "TIMESTAMP_IN_FUTURE",
                        "after now"),
                pill("timestamp before 2000", entity, avro(entity, 86_400_000L, 1.0), "TIMESTAMP_TOO_OLD", "2000"),
                pill("out-of-order timestamp", entity, avro(entity, now - 2 * HOUR, 1.0), "OUT_OF_ORDER", "older"),
                pill(
                        "timestamp jump (2 h ahead)",
                        entity,
                        avro(entity, now + 2 * HOUR, 1.0),
                        "TIMESTAMP_JUMP",
                        "ahead"),
                pill("fractional timestamp", entity, jsonAt(entity, now + ".5"), "BAD_TIMESTAMP", "whole"),
                pill("timestamp as a string", entity, jsonAt(entity, "\"2026-01-01\""), "BAD_TIMESTAMP", "2026-01-01"),
                pill("timestamp 1e40", entity, jsonAt(entity, "1e40"), "BAD_TIMESTAMP", "beyond"),
                pill(
                        "trailing garbage after the JSON",
                        entity,
                        utf8(new String(json(entity, now, "1"), StandardCharsets.UTF_8) + " garbage"),
                        "UNREADABLE",
                        "after the end"),
                pill("10 KB entity", entity, json("e".repeat(10_240), now, "1"), "ENTITY_TOO_LONG", "10240 bytes"),
                pill("oversized", entity, oversized(entity, now), "OVERSIZED", "limit"));
    }

    private static Pill pill(String kind, String key, byte[] value, String reason, String word) {
        return new Pill(kind, key == null ? null : utf8(key), value, reason, word);
    }

    /** A reading of the three features whose temp is {@code temp}. */
    static byte[] avro(String entity, long timestamp, double temp) {
        return CODEC.encode(SyntheticSensors.reading("pill-" + entity, entity, timestamp, new double[] {temp, 10, 20}));
    }

    private static byte[] unknownFingerprint(String entity, long now) {
        byte[] bytes = avro(entity, now, 1.0);
        for (int i = 2; i < 10; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        return bytes;
    }

    private static byte[] json(String entity, long ts, String temp) {
        return utf8("{\"entity\":\"" + entity + "\",\"ts\":" + ts + ",\"values\":{\"temp\":" + temp
                + ",\"pressure\":10,\"flow\":20}}");
    }

    private static byte[] jsonAt(String entity, String ts) {
        return utf8("{\"entity\":\"" + entity + "\",\"ts\":" + ts
                + ",\"values\":{\"temp\":1,\"pressure\":10,\"flow\":20}}");
    }

    private static byte[] missingFeature(String entity, long ts) {
        return utf8("{\"entity\":\"" + entity + "\",\"ts\":" + ts + ",\"values\":{\"temp\":1,\"pressure\":10}}");
    }

    private static byte[] oversized(String entity, long ts) {
        StringBuilder json = new StringBuilder("{\"entity\":\"" + entity + "\",\"ts\":" + ts
                + ",\"values\":{\"temp\":1,\"pressure\":10,\"flow\":20},\"padding\":\"");
        json.append("x".repeat(MAX_RECORD_BYTES + 1)).append("\"}");
        return utf8(json.toString());
    }

    /** A valid JSON reading that also carries a feature the model does not know (accepted, extra ignored). */
    static byte[] extraFeature(String id, String entity, long ts) {
        return utf8("{\"id\":\"" + id + "\",\"entity\":\"" + entity + "\",\"ts\":" + ts
                + ",\"values\":{\"temp\":1,\"pressure\":10,\"flow\":20,\"humidity\":55}}");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Reasons by kind, for the report. */
    static Map<String, String> reasons(List<Pill> pills) {
        return pills.stream().collect(java.util.stream.Collectors.toMap(Pill::kind, Pill::reason));
    }
}
