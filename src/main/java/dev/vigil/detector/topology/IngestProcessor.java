package dev.vigil.detector.topology;

import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.ingest.DeadLetters;
import dev.vigil.detector.ingest.Ingest;
import dev.vigil.detector.ingest.IngestedReading;
import dev.vigil.detector.ingest.Provenance;
import dev.vigil.detector.ingest.RejectedException;
import dev.vigil.detector.ingest.Rejection;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Stage 1 processor: hands valid readings to {@code next} (after the {@link PartitionCheck}): a child
 * node, or the group's stages in this same node ({@link GroupStages}); rejections go to {@code
 * deadLetters}.
 */
final class IngestProcessor implements Processor<byte[], byte[], String, Object> {
    private final Ingest ingest;
    private final ValidReadings next;
    private final String deadLetters;
    private final DetectorEvents events;
    private final PartitionCheck partitionCheck;
    private ProcessorContext<String, Object> context;

    IngestProcessor(
            Ingest ingest,
            ValidReadings next,
            String deadLetters,
            DetectorEvents events,
            PartitionCheck partitionCheck) {
        this.ingest = ingest;
        this.next = next;
        this.deadLetters = deadLetters;
        this.events = events;
        this.partitionCheck = partitionCheck;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        next.init(context);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Provenance from = provenance(record);
        try {
            var reading = ingest.read(record.key(), record.value(), record.timestamp(), context.currentSystemTimeMs());
            events.ingested();
            partitionCheck.check(reading.entity(), from.partition());
            next.accept(new Record<>(
                    reading.entity(), new IngestedReading(reading, from), record.timestamp(), record.headers()));
        } catch (RejectedException e) {
            reject(record, e.rejection(), from);
        }
    }

    @Override
    public void close() {
        next.close();
    }

    private void reject(Record<byte[], byte[]> record, Rejection rejection, Provenance from) {
        events.deadLettered(rejection.reason());
        DeadLetter letter = DeadLetters.of(rejection, from, context.currentSystemTimeMs());
        String key = record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
        context.forward(record.withKey(key).withValue(letter), deadLetters);
    }

    private Provenance provenance(Record<byte[], byte[]> record) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        return new Provenance(
                meta == null ? null : meta.topic(),
                meta == null ? -1 : meta.partition(),
                meta == null ? -1L : meta.offset(),
                record.timestamp(),
                record.key(),
                record.value());
    }
}
