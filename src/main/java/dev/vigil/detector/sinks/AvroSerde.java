package dev.vigil.detector.sinks;

import dev.vigil.contract.AvroCodec;
import java.io.IOException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka serde writing Avro single-object encoding (no schema registry needed). */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final AvroCodec<T> codec;

    private AvroSerde(AvroCodec<T> codec) {
        this.codec = codec;
    }

    /** A serde for the generated class {@code type}. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(AvroCodec.of(type));
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> record == null ? null : codec.encode(record);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            try {
                return bytes == null ? null : codec.decode(bytes);
            } catch (IOException e) {
                throw new SerializationException("not single-object Avro on " + topic, e);
            }
        };
    }
}
