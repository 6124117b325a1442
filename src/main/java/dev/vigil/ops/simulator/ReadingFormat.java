package dev.vigil.ops.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import java.util.LinkedHashMap;
import java.util.Map;

/** How readings are written to Kafka. */
public enum ReadingFormat {
    /** Avro single-object encoding of {@link SensorReading} (the detector's native format). */
    AVRO {
        private final AvroCodec<SensorReading> codec = AvroCodec.of(SensorReading.class);

        @Override
        public byte[] encode(SensorReading reading) {
            return codec.encode(reading);
        }
    },
    /**
     * JSON with the Avro field names: {@code {"entity": "pump-01", "timestamp": 1767225600000,
     * "values": {"flow": 81.2, ...}}}.
     */
    JSON {
        private final ObjectMapper mapper = new ObjectMapper();

        @Override
        public byte[] encode(SensorReading reading) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("entity", reading.getEntity());
            json.put("timestamp", reading.getTimestamp().toEpochMilli());
            json.put("values", reading.getValues());
            try {
                return mapper.writeValueAsBytes(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write reading of " + reading.getEntity() + " as JSON", e);
            }
        }
    };

    /** The record value for {@code reading}. */
    public abstract byte[] encode(SensorReading reading);
}
