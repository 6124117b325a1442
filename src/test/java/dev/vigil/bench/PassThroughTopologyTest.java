package dev.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

class PassThroughTopologyTest {
    @Test
    void everyReadingComesOutDecodedAndEncodedUnchanged() throws Exception {
        BenchReadings readings = new BenchReadings(List.of("a", "b"), 3, 1);
        byte[] in = readings.encoded(4, 1_000);
        try (TopologyTestDriver driver = new TopologyTestDriver(PassThroughTopology.build("in", "out"))) {
            driver.createInputTopic(
                            "in",
                            Serdes.String().serializer(),
                            Serdes.ByteArray().serializer())
                    .pipeInput("sensor-1", in);
            var out = driver.createOutputTopic(
                            "out",
                            Serdes.String().deserializer(),
                            Serdes.ByteArray().deserializer())
                    .readKeyValue();
            AvroCodec<SensorReading> codec = AvroCodec.of(SensorReading.class);
            assertEquals("sensor-1", out.key);
            assertEquals(codec.decode(in), codec.decode(out.value));
        }
    }

    @Test
    void aPaddedPassThroughWritesTheSameReadingFollowedByThatManyZeroBytes() throws Exception {
        byte[] in = new BenchReadings(List.of("a"), 1, 1).encoded(0, 1_000);
        try (TopologyTestDriver driver = new TopologyTestDriver(PassThroughTopology.build("in", "out", 50))) {
            driver.createInputTopic(
                            "in",
                            Serdes.String().serializer(),
                            Serdes.ByteArray().serializer())
                    .pipeInput("sensor-0", in);
            byte[] out = driver.createOutputTopic(
                            "out",
                            Serdes.String().deserializer(),
                            Serdes.ByteArray().deserializer())
                    .readValue();
            assertEquals(in.length + 50, out.length);
            assertArrayEquals(in, Arrays.copyOf(out, in.length), "the reading, re-encoded byte for byte");
            assertArrayEquals(new byte[50], Arrays.copyOfRange(out, in.length, out.length));
        }
    }
}
