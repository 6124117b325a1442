package dev.vigil.bench;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline the detector is compared with: the same serdes and wire format with no work in
 * between. Bytes in, decoded into a {@link SensorReading}, encoded again, bytes out.
 */
public final class PassThroughTopology {
    private PassThroughTopology() {}

    /** A topology copying every reading of {@code input} to {@code output} through Avro decode and encode. */
    public static Topology build(String input, String output) {
        return build(input, output, 0);
    }

    /**
     * The same, with {@code paddingBytes} zero bytes appended to each output value: a baseline that
     * writes as much as a detector whose records are that much longer, and does nothing else.
     */
    public static Topology build(String input, String output, int paddingBytes) {
        AvroCodec<SensorReading> codec = AvroCodec.of(SensorReading.class);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues(bytes -> pad(codec.encode(decode(codec, bytes)), paddingBytes))
                .to(output, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    private static byte[] pad(byte[] value, int paddingBytes) {
        return paddingBytes == 0 ? value : Arrays.copyOf(value, value.length + paddingBytes);
    }

    private static SensorReading decode(AvroCodec<SensorReading> codec, byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("benchmark input is not a SensorReading", e);
        }
    }
}
