package dev.vigil.trainer.service;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.trainer.FeedbackRows;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The training data the service collects from the stream: the most recent records the detector
 * called normal, bounded by count and by age (event time, relative to the newest record seen).
 * Left out: records that were anomalous or not yet scored, records of entities inside an open alert
 * (including those already kept since the episode started, once its OPENED event arrives) or less
 * than the quarantine after its close (an episode fades out below the threshold before it ends; kept
 * as normal, it would teach the next model the anomaly), and records with a missing, non-finite or
 * out-of-range value.
 *
 * <p>Operators' feedback ({@link #onFeedback}) is applied when the training data is taken ({@link
 * #segments()}): records the detector flagged (anomalous, inside or just after an alert) are kept
 * aside, within the same bounds, and those inside a stretch called a false alarm become training
 * data again; kept records inside a stretch confirmed as an anomaly are left out ({@link
 * FeedbackSegments}). Not thread-safe: one consuming thread.
 */
public final class RecentNormalData {
    private final List<String> features;
    private final int maxRecords;
    private final long maxAgeMs;
    private final ValueRanges ranges;
    private static final Set<Admission> FLAGGED =
            java.util.EnumSet.of(Admission.ANOMALOUS, Admission.IN_OPEN_ALERT, Admission.AFTER_ALERT);
    /** Most feedback stretches remembered. */
    static final int MAX_FEEDBACK = 10_000;

    private final ArrayDeque<CollectedRecord> records = new ArrayDeque<>();
    private final ArrayDeque<CollectedRecord> flagged = new ArrayDeque<>();
    private final Map<String, Long> arrivals = new HashMap<>();
    private final FeedbackStretches feedback = new FeedbackStretches(MAX_FEEDBACK);
    private FeedbackRows effect = FeedbackRows.NONE;
    private final Map<String, Long> segmentOf = new HashMap<>();
    private final Set<String> openAlerts = new HashSet<>();
    private final Map<String, Long> quarantinedUntil = new HashMap<>();
    private final long quarantineMs;
    private long newest = Long.MIN_VALUE;
    private long nextSegment;

    /**
     * @param features the model's feature names, in order
     * @param maxRecords most records kept; the oldest go first
     * @param maxAgeMs oldest record kept, in milliseconds of event time behind the newest
     * @param ranges plausible value ranges
     */
    public RecentNormalData(List<String> features, int maxRecords, long maxAgeMs, ValueRanges ranges) {
        this(features, maxRecords, maxAgeMs, ranges, 0);
    }

    /**
     * @param quarantineMs event time after an alert's close during which its entity's records are left out
     */
    public RecentNormalData(
            List<String> features, int maxRecords, long maxAgeMs, ValueRanges ranges, long quarantineMs) {
        this.features = List.copyOf(features);
        this.maxRecords = maxRecords;
        this.maxAgeMs = maxAgeMs;
        this.ranges = ranges;
        this.quarantineMs = quarantineMs;
    }

    /** Offers a scored record; keeps it only if it is normal data. */
    public Admission offer(ScoredReading scored) {
        Admission admission = judge(scored);
        SensorReading reading = scored.getReading();
        long version = scored.getModelVersion() == null ? -1 : scored.getModelVersion();
        double score = scored.getScore() == null ? Double.NaN : scored.getScore();
        if (admission != Admission.KEPT) {
            breakSegment(reading.getEntity());
            if (FLAGGED.contains(admission) && judgeValues(reading) == Admission.KEPT) {
                flagged.addLast(record(reading, score, version, -1));
                evict(flagged);
            } else {
                arrival(reading.getEntity());
            }
            return admission;
        }
        keep(reading, score, version);
        return Admission.KEPT;
    }

    /** Offers an unscored reading (bootstrap data, when no model exists yet to call it normal). */
    public Admission offer(SensorReading reading) {
        Admission admission = judgeValues(reading);
        if (admission == Admission.KEPT) {
            keep(reading, Double.NaN, -1);
        } else {
            arrival(reading.getEntity());
            breakSegment(reading.getEntity());
        }
        return admission;
    }

    /** Tracks open episodes; an OPENED event also drops the entity's records since the episode started. */
    public void onAlert(AnomalyAlert alert) {
        String entity = alert.getEntity();
        if (alert.getEvent() == AlertEvent.CLOSED) {
            openAlerts.remove(entity);
            long end = alert.getEndTime() == null
                    ? alert.getEventTime().toEpochMilli()
                    : alert.getEndTime().toEpochMilli();
            quarantinedUntil.put(entity, end + quarantineMs);
            return;
        }
        if (openAlerts.add(entity)) {
            long start = alert.getStartTime().toEpochMilli();
            records.removeIf(r -> {
                boolean inEpisode = r.entity().equals(entity) && r.timestamp() >= start;
                if (inEpisode) {
                    flagged.addLast(r);
                }
                return inEpisode;
            });
            evict(flagged);
            breakSegment(entity);
        }
    }

    /** Remembers an operator's feedback, applied at the next {@link #segments()}. */
    public void onFeedback(dev.vigil.contract.avro.Feedback verdict) {
        feedback.add(verdict);
    }

    /** What feedback changed in the training data the last {@link #segments()} returned. */
    public FeedbackRows feedbackEffect() {
        return effect;
    }

    /** The feature names, in model order. */
    public List<String> features() {
        return features;
    }

    /** Records kept now. */
    public int size() {
        return records.size();
    }

    /** Whether {@code entity} is inside an open alert. */
    public boolean inOpenAlert(String entity) {
        return openAlerts.contains(entity);
    }

    /** The kept records as runs of consecutive records per entity, oldest run first. */
    public List<Segment> segments() {
        if (feedback.isEmpty()) {
            effect = FeedbackRows.NONE;
            Map<Long, List<CollectedRecord>> runs = new LinkedHashMap<>();
            for (CollectedRecord record : records) {
                runs.computeIfAbsent(record.segment(), s -> new ArrayList<>()).add(record);
            }
            return runs.values().stream().map(RecentNormalData::segment).toList();
        }
        var applied = FeedbackSegments.apply(List.copyOf(records), List.copyOf(flagged), feedback);
        effect = applied.effect();
        return FeedbackSegments.runs(applied.records()).stream()
                .map(RecentNormalData::segment)
                .toList();
    }

    private Admission judge(ScoredReading scored) {
        if (scored.getVerdict() == Verdict.ANOMALOUS) {
            return Admission.ANOMALOUS;
        }
        if (scored.getVerdict() == Verdict.WARMING_UP) {
            return Admission.WARMING_UP;
        }
        String entity = scored.getReading().getEntity();
        if (openAlerts.contains(entity)) {
            return Admission.IN_OPEN_ALERT;
        }
        if (scored.getReading().getTimestamp().toEpochMilli() < quarantinedUntil.getOrDefault(entity, Long.MIN_VALUE)) {
            return Admission.AFTER_ALERT;
        }
        return judgeValues(scored.getReading());
    }

    private Admission judgeValues(SensorReading reading) {
        for (String feature : features) {
            Double value = reading.getValues().get(feature);
            if (value == null) {
                return Admission.MISSING_FEATURE;
            }
            if (!ranges.accepts(feature, value)) {
                return Admission.OUT_OF_RANGE;
            }
        }
        return Admission.KEPT;
    }

    private void keep(SensorReading reading, double score, long version) {
        long segment = segmentOf.computeIfAbsent(reading.getEntity(), e -> nextSegment++);
        records.addLast(record(reading, score, version, segment));
        evict(records);
    }

    private CollectedRecord record(SensorReading reading, double score, long version, long segment) {
        double[] values = new double[features.size()];
        for (int f = 0; f < values.length; f++) {
            values[f] = reading.getValues().get(features.get(f));
        }
        long time = reading.getTimestamp().toEpochMilli();
        newest = Math.max(newest, time);
        String entity = reading.getEntity();
        return new CollectedRecord(entity, time, values, score, version, segment, arrival(entity));
    }

    /** The next arrival number of {@code entity}. */
    private long arrival(String entity) {
        return arrivals.merge(entity, 1L, Long::sum);
    }

    private void evict(ArrayDeque<CollectedRecord> queue) {
        while (queue.size() > maxRecords) {
            queue.removeFirst();
        }
        while (!queue.isEmpty() && queue.peekFirst().timestamp() < newest - maxAgeMs) {
            queue.removeFirst();
        }
    }

    private void breakSegment(String entity) {
        segmentOf.remove(entity);
    }

    private static Segment segment(List<CollectedRecord> run) {
        double[][] rows = new double[run.size()][];
        double[] scores = new double[run.size()];
        long[] versions = new long[run.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = run.get(i).values();
            scores[i] = run.get(i).score();
            versions[i] = run.get(i).modelVersion();
        }
        return new Segment(run.get(0).entity(), rows, scores, versions);
    }
}
