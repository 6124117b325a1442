package dev.vigil.evaluate;

import dev.vigil.contract.avro.AlertEvent;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.contract.avro.DeadLetter;
import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the detector wrote for one entity's test rows: score, threshold and verdict per row (rows the
 * detector did not score keep NaN), the alert episodes as [opened, closed) event-time spans, the
 * dead letters by reason, and (online) the retraining attempts.
 */
final class ReplayOutput {
    private final double[] scores;
    private final double[] thresholds;
    private final boolean[] flags;
    private final boolean[] seen;
    private final List<long[]> openSpans = new ArrayList<>();
    private final List<Long> openedAt = new ArrayList<>();
    private final Map<String, Long> deadLetterReasons = new TreeMap<>();
    private final Map<String, String> deadLetterExamples = new TreeMap<>();
    private final List<Retrain> retrains = new ArrayList<>();

    ReplayOutput(int rows) {
        scores = new double[rows];
        thresholds = new double[rows];
        flags = new boolean[rows];
        seen = new boolean[rows];
        Arrays.fill(scores, Double.NaN);
        Arrays.fill(thresholds, Double.NaN);
    }

    void accept(int row, ScoredReading scored) {
        seen[row] = true;
        scores[row] = scored.getScore() == null ? Double.NaN : scored.getScore();
        thresholds[row] = scored.getThreshold() == null ? Double.NaN : scored.getThreshold();
        flags[row] = scored.getVerdict() == Verdict.ANOMALOUS;
    }

    /** Alert events arrive in order per entity: OPENED starts a span, CLOSED ends it. */
    void accept(AnomalyAlert alert) {
        if (alert.getEvent() == AlertEvent.OPENED) {
            openedAt.add(alert.getEventTime().toEpochMilli());
        } else if (alert.getEvent() == AlertEvent.CLOSED && !openedAt.isEmpty()) {
            long end = alert.getEndTime() == null
                    ? alert.getEventTime().toEpochMilli()
                    : alert.getEndTime().toEpochMilli();
            openSpans.add(new long[] {openedAt.remove(0), end});
        }
    }

    /** Counts a dead letter under its reason, keeping the first message of each reason. */
    void deadLetter(DeadLetter letter) {
        String reason = letter.getReason().isEmpty() ? letter.getErrorClass() : letter.getReason();
        deadLetterReasons.merge(reason, 1L, Long::sum);
        deadLetterExamples.putIfAbsent(reason, letter.getErrorMessage());
    }

    /** Records a retraining attempt of the online replay. */
    void retrain(Retrain attempt) {
        retrains.add(attempt);
    }

    long deadLetters() {
        return deadLetterReasons.values().stream().mapToLong(Long::longValue).sum();
    }

    /** What the detector did not score, or null when it scored every row and dead-lettered nothing. */
    Unscored unscored(String entity) {
        long missing = missingRows();
        if (missing == 0 && deadLetterReasons.isEmpty()) {
            return null;
        }
        return new Unscored(entity, missing, Map.copyOf(deadLetterReasons), Map.copyOf(deadLetterExamples));
    }

    /** Test rows that produced no scored reading (rejected, or lost). */
    long missingRows() {
        long missing = 0;
        for (boolean s : seen) {
            missing += s ? 0 : 1;
        }
        return missing;
    }

    EntityResult toResult(EntityData entity) {
        double[] filledThresholds = fillThresholds();
        return new EntityResult(
                entity.name(),
                entity.testTimestamps(),
                scores,
                filledThresholds,
                entity.labels(),
                flags,
                alertFlags(entity.testTimestamps()),
                List.copyOf(retrains));
    }

    /** Rows whose event time lies in an alert from its OPENED event up to (not including) its close. */
    private boolean[] alertFlags(long[] times) {
        List<long[]> spans = new ArrayList<>(openSpans);
        openedAt.forEach(start -> spans.add(new long[] {start, Long.MAX_VALUE}));
        boolean[] inside = new boolean[times.length];
        for (int i = 0; i < times.length; i++) {
            for (long[] span : spans) {
                inside[i] |= times[i] >= span[0] && times[i] < span[1];
            }
        }
        return inside;
    }

    /** Rows without a threshold (warming up) take the nearest known one, so scores can be normalised. */
    private double[] fillThresholds() {
        double[] out = thresholds.clone();
        double last = Arrays.stream(out).filter(Double::isFinite).findFirst().orElse(1.0);
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.isFinite(out[i]) ? (last = out[i]) : last;
        }
        return out;
    }
}
