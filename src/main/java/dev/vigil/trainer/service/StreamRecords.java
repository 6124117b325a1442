package dev.vigil.trainer.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.Feedback;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes what the service consumes: ScoredReading, AnomalyAlert and Feedback (Avro single-object, as the
 * detector writes them) and SensorReading (Avro single-object, or JSON {@code {"entity", "timestamp",
 * "values": {...}}} with the timestamp in epoch milliseconds). Undecodable records are skipped.
 */
final class StreamRecords {
    private static final Logger LOG = LoggerFactory.getLogger(StreamRecords.class);
    private static final AvroCodec<ScoredReading> SCORED = AvroCodec.of(ScoredReading.class);
    private static final AvroCodec<AnomalyAlert> ALERTS = AvroCodec.of(AnomalyAlert.class);
    private static final AvroCodec<Feedback> FEEDBACK = AvroCodec.of(Feedback.class);
    private static final AvroCodec<SensorReading> READINGS = AvroCodec.of(SensorReading.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamRecords() {}

    static Optional<ScoredReading> scored(byte[] value) {
        return avro(SCORED, value, "scored reading");
    }

    static Optional<AnomalyAlert> alert(byte[] value) {
        return avro(ALERTS, value, "alert");
    }

    static Optional<Feedback> feedback(byte[] value) {
        return avro(FEEDBACK, value, "feedback");
    }

    static Optional<SensorReading> reading(byte[] value) {
        if (value != null && value.length > 0 && value[0] == '{') {
            return json(value);
        }
        return avro(READINGS, value, "reading");
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> Optional<T> avro(
            AvroCodec<T> codec, byte[] value, String what) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(codec.decode(value));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Skipping undecodable {}: {}", what, e.toString());
            return Optional.empty();
        }
    }

    private static Optional<SensorReading> json(byte[] value) {
        try {
            JsonNode node = JSON.readTree(value);
            Map<String, Double> values = new HashMap<>();
            node.path("values")
                    .fields()
                    .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asDouble()));
            return Optional.of(SensorReading.newBuilder()
                    .setEntity(node.path("entity").asText())
                    .setTimestamp(Instant.ofEpochMilli(node.path("timestamp").asLong()))
                    .setValues(values)
                    .build());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Skipping undecodable JSON reading: {}", e.toString());
            return Optional.empty();
        }
    }
}
