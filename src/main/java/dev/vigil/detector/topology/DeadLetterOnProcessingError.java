package dev.vigil.detector.topology;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.detector.events.RejectReason;
import dev.vigil.detector.ingest.DeadLetters;
import dev.vigil.detector.ingest.Provenance;
import dev.vigil.detector.ingest.Rejection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' processing exception handler (KIP-1033) with a dead-letter record (KIP-1034): an
 * unexpected exception in a processor sends the source record's raw bytes and provenance to the
 * dead-letter topic as a {@link DeadLetter} (reason UNEXPECTED, with stack trace), in the same
 * transaction, and processing resumes. Expected rejections never reach it: the stages route those.
 */
public final class DeadLetterOnProcessingError implements ProcessingExceptionHandler {
    /** Config key (in the Streams properties) naming the dead-letter topic. */
    public static final String DLQ_TOPIC_CONFIG = "vigil.dlq.topic";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOnProcessingError.class);
    private static final AvroCodec<DeadLetter> CODEC = AvroCodec.of(DeadLetter.class);

    private String topic = "vigil.dlq";

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(DLQ_TOPIC_CONFIG);
        if (configured != null) {
            topic = configured.toString();
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.error(
                "Unexpected error in {} at {}-{}@{}; record dead-lettered",
                context.processorNodeId(),
                context.topic(),
                context.partition(),
                context.offset(),
                exception);
        var from = new Provenance(
                context.topic(),
                context.partition(),
                context.offset(),
                context.timestamp(),
                context.sourceRawKey(),
                context.sourceRawValue());
        var rejection = new Rejection(RejectReason.UNEXPECTED, String.valueOf(exception), exception);
        byte[] letter = CODEC.encode(DeadLetters.of(rejection, from, System.currentTimeMillis()));
        return Response.resume(List.of(new ProducerRecord<>(topic, context.sourceRawKey(), letter)));
    }
}
