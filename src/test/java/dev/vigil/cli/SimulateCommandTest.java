package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.ops.simulator.ReadingFormat;
import dev.vigil.ops.simulator.Simulator;
import dev.vigil.ops.simulator.SimulatorConfig;
import dev.vigil.ops.simulator.SimulatorProducer;
import dev.vigil.testkit.Await;
import dev.vigil.testkit.KafkaBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SimulateCommandTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Await.upTo(Duration.ofSeconds(30))
                    .stepping(() -> consumer.poll(Duration.ofMillis(200)).forEach(records::add))
                    .holds(() -> records.size() >= expected);
        }
        return records;
    }

    @Test
    void simulateSendsAvroReadingsKeyedByEntityAndReportsWhatItSent() throws Exception {
        KAFKA.createTopic("sim.avro", 3);
        StringWriter out = new StringWriter();
        var cli = VigilCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute(
                "simulate",
                "--bootstrap",
                KAFKA.bootstrapServers(),
                "--topic",
                "sim.avro",
                "--entities",
                "3",
                "--rate",
                "600",
                "--duration",
                "2s",
                "--seed",
                "5",
                "--clean",
                "0m");
        assertEquals(0, exit, out.toString());
        Matcher sent = Pattern.compile("Sent (\\d+) readings").matcher(out.toString());
        assertTrue(sent.find(), out.toString());
        int count = Integer.parseInt(sent.group(1));
        assertTrue(count > 300, "about 1200 readings in 2 s at 600/s, got " + count);
        AvroCodec<SensorReading> codec = AvroCodec.of(SensorReading.class);
        List<ConsumerRecord<byte[], byte[]>> records = readAll("sim.avro", count);
        assertEquals(count, records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            SensorReading reading = codec.decode(record.value());
            assertEquals(reading.getEntity(), new String(record.key(), StandardCharsets.UTF_8));
        }
        assertTrue(out.toString().contains("Injected"), out.toString());
    }

    @Test
    void jsonReadingsCarryTheAvroFieldNames() throws Exception {
        KAFKA.createTopic("sim.json", 1);
        Simulator simulator = new Simulator(SimulatorConfig.defaults(2, 1));
        try (var producer =
                new SimulatorProducer(simulator, KAFKA.bootstrapServers(), "sim.json", ReadingFormat.JSON, 200)) {
            producer.run(Duration.ofMillis(300));
        }
        JsonNode first =
                new ObjectMapper().readTree(readAll("sim.json", 2).get(0).value());
        assertEquals("pump-01", first.get("entity").asText());
        assertEquals(
                SimulatorConfig.DEFAULT_START.toEpochMilli(),
                first.get("timestamp").asLong());
        assertTrue(first.get("values").get("flow").asDouble() > 0);
    }
}
