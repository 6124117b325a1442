package dev.vigil.detector.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.Stage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterOnProcessingErrorTest {
    private static final byte[] KEY = "pump-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = "{\"entity\":\"pump-1\"}".getBytes(StandardCharsets.UTF_8);

    /** The context Kafka Streams hands the handler, for a record read from vigil.readings-2@41. */
    private record Context(String topic, int partition, long offset, long timestamp) implements ErrorHandlerContext {
        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "features";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, partition);
        }

        @Override
        public byte[] sourceRawKey() {
            return KEY;
        }

        @Override
        public byte[] sourceRawValue() {
            return VALUE;
        }
    }

    @Test
    void anUnexpectedErrorResumesWithADeadLetterCarryingTheRawRecord() throws Exception {
        var handler = new DeadLetterOnProcessingError();
        handler.configure(Map.of(DeadLetterOnProcessingError.DLQ_TOPIC_CONFIG, "my.dlq"));
        var response = handler.handleError(
                new Context("vigil.readings", 2, 41, 1_732_270_000_000L),
                new Record<>("pump-1", "x", 1_732_270_000_000L),
                new IllegalStateException("boom"));
        assertEquals(ProcessingExceptionHandler.Result.RESUME, response.result());
        var record = response.deadLetterQueueRecords().get(0);
        assertEquals("my.dlq", record.topic());
        DeadLetter letter = AvroCodec.of(DeadLetter.class).decode(record.value());
        assertEquals("UNEXPECTED", letter.getReason());
        assertEquals(Stage.OTHER, letter.getStage());
        assertEquals(41L, letter.getOffset());
        assertEquals(2, letter.getPartition());
        assertEquals(IllegalStateException.class.getName(), letter.getErrorClass());
        assertTrue(letter.getStackTrace().contains("boom"));
        byte[] value = new byte[letter.getValue().remaining()];
        letter.getValue().get(value);
        assertArrayEquals(VALUE, value);
    }
}
