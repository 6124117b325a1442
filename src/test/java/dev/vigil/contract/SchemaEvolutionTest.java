package dev.vigil.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.SensorReading;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {

    private static Schema load(String name) throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/evolution/" + name)) {
            return new Schema.Parser().parse(in);
        }
    }

    private static byte[] encodeGeneric(Schema schema, GenericRecord record) throws IOException {
        ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Test
    void todaysReaderReadsARecordWrittenWithANewerSchema() throws IOException {
        Schema newer = load("SensorReading-v2.avsc");
        GenericRecord record = new GenericData.Record(newer);
        record.put("entity", "pump-7");
        record.put("timestamp", 1_732_270_000_000L);
        record.put("values", Map.of("temp", 71.2));
        record.put("tags", Map.of("site", "north"));
        record.put("id", "r-9");
        record.put("units", Map.of("temp", "C"));
        record.put("quality", 0.5);

        AvroCodec<SensorReading> codec = AvroCodec.of(SensorReading.class);
        codec.decoder().addSchema(newer);
        SensorReading read = codec.decode(encodeGeneric(newer, record));

        assertEquals("pump-7", read.getEntity());
        assertEquals(71.2, read.getValues().get("temp"));
        assertEquals("north", read.getTags().get("site"));
        assertEquals("r-9", read.getId());
    }

    @Test
    void todaysReaderReadsARecordWrittenWithTheFirstSchemaUsingDefaults() throws IOException {
        Schema older = load("SensorReading-v0.avsc");
        GenericRecord record = new GenericData.Record(older);
        record.put("entity", "pump-1");
        record.put("timestamp", 5L);
        record.put("values", Map.of("rpm", 1200.0));

        AvroCodec<SensorReading> codec = AvroCodec.of(SensorReading.class);
        codec.decoder().addSchema(older);
        SensorReading read = codec.decode(encodeGeneric(older, record));

        assertEquals("pump-1", read.getEntity());
        assertTrue(read.getTags().isEmpty());
        assertNull(read.getId());
    }

    @Test
    void currentSchemaIsMutuallyCompatibleWithBothNeighbours() throws IOException {
        Schema current = SensorReading.getClassSchema();
        for (String neighbour : new String[] {"SensorReading-v0.avsc", "SensorReading-v2.avsc"}) {
            Schema other = load(neighbour);
            assertEquals(
                    SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                    SchemaCompatibility.checkReaderWriterCompatibility(current, other)
                            .getType(),
                    neighbour);
        }
    }
}
