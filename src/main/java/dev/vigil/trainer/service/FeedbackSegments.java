package dev.vigil.trainer.service;

import dev.vigil.contract.avro.FeedbackLabel;
import dev.vigil.trainer.FeedbackRows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collection's records with operators' feedback applied: kept records inside a confirmed anomaly
 * leave, flagged records inside a false alarm (and not inside a confirmed anomaly) come back, and
 * the runs of consecutive records are cut again from each entity's arrival order, so a restored
 * stretch joins the runs on either side of it and a removed one splits its run.
 */
final class FeedbackSegments {
    private FeedbackSegments() {}

    /** The records to train on and what the feedback changed. */
    record Result(List<CollectedRecord> records, FeedbackRows effect) {}

    static Result apply(List<CollectedRecord> kept, List<CollectedRecord> flagged, FeedbackStretches feedback) {
        List<CollectedRecord> records = new ArrayList<>(kept.size() + flagged.size());
        int removed = 0;
        for (CollectedRecord record : kept) {
            if (confirmed(record, feedback)) {
                removed++;
            } else {
                records.add(record);
            }
        }
        int added = 0;
        for (CollectedRecord record : flagged) {
            if (feedback.covers(record.entity(), record.timestamp(), FeedbackLabel.FALSE_ALARM)
                    && !confirmed(record, feedback)) {
                records.add(record);
                added++;
            }
        }
        return new Result(records, new FeedbackRows(added, removed));
    }

    /** Runs of consecutive arrivals per entity, oldest run first. */
    static List<List<CollectedRecord>> runs(List<CollectedRecord> records) {
        Map<String, List<CollectedRecord>> byEntity = new LinkedHashMap<>();
        records.forEach(r ->
                byEntity.computeIfAbsent(r.entity(), e -> new ArrayList<>()).add(r));
        List<List<CollectedRecord>> runs = new ArrayList<>();
        for (List<CollectedRecord> entity : byEntity.values()) {
            entity.sort(Comparator.comparingLong(CollectedRecord::arrival));
            List<CollectedRecord> run = new ArrayList<>();
            for (CollectedRecord record : entity) {
                if (!run.isEmpty()
                        && record.arrival() != run.get(run.size() - 1).arrival() + 1) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
                run.add(record);
            }
            runs.add(run);
        }
        runs.sort(Comparator.comparingLong(run -> run.get(0).timestamp()));
        return runs;
    }

    private static boolean confirmed(CollectedRecord record, FeedbackStretches feedback) {
        return feedback.covers(record.entity(), record.timestamp(), FeedbackLabel.CONFIRMED_ANOMALY);
    }
}
