package dev.vigil.archfixture.detector.decision;

import org.apache.kafka.streams.processor.api.Record;

/** A deliberate layering violation: decision code touching a Kafka type. Checked to make the rule fail. */
public final class KafkaAwareDecision {
    public boolean isAnomalous(Record<String, Double> record) {
        return record.value() > 1.0;
    }
}
