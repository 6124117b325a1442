package dev.vigil.detector.models;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.ModelBundle;
import java.io.IOException;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes model-topic records of the followed group into bundles. A record that does not decode is
 * logged once, with topic, partition, offset and size, and reported to the unreadable listener
 * (the holder counts it as an {@link RefusalReason#UNREADABLE} refusal); it is never retried.
 * Records of other groups and tombstones are skipped silently.
 */
final class BundleRecords {
    private static final Logger LOG = LoggerFactory.getLogger(BundleRecords.class);

    private volatile String group;
    private volatile BiConsumer<String, String> unreadable = (key, problem) -> {};

    /** {@code group} is the group to follow, or null for the group of the first accepted bundle. */
    BundleRecords(String group) {
        this.group = group;
    }

    void onUnreadable(BiConsumer<String, String> listener) {
        this.unreadable = listener;
    }

    /** Fixes the followed group to {@code accepted} if none is fixed yet; true if it did. */
    boolean followFirst(String accepted) {
        if (group != null) {
            return false;
        }
        group = accepted;
        return true;
    }

    /** " of group g", or "" while no group is fixed: for log lines. */
    String describeGroup() {
        return group == null ? "" : " of group " + group;
    }

    /** Whether {@code record} is a tombstone of the followed group (any group while none is fixed). */
    boolean isTombstone(ConsumerRecord<String, byte[]> record) {
        String followed = group;
        return record.value() == null && (followed == null || followed.equals(record.key()));
    }

    /** The bundle in {@code record}, or empty for a tombstone, another group's record or an unreadable one. */
    Optional<ModelBundle> decode(ConsumerRecord<String, byte[]> record) {
        String followed = group;
        if (record.value() == null || (followed != null && !followed.equals(record.key()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(BundleFiles.decode(record.value()));
        } catch (IOException | RuntimeException e) {
            String problem = String.format(
                    "record at %s-%d@%d (key %s, %d bytes) is not a bundle: %s",
                    record.topic(), record.partition(), record.offset(), record.key(), record.value().length, e);
            LOG.warn("Refused unreadable {}; the model in use keeps serving", problem);
            unreadable.accept(record.key(), problem);
            return Optional.empty();
        }
    }
}
