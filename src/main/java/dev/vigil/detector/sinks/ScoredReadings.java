package dev.vigil.detector.sinks;

import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.decision.Decision;
import dev.vigil.detector.ingest.InputReading;
import dev.vigil.detector.models.ModelInfo;
import dev.vigil.detector.scoring.Scored;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the records of {@code vigil.scored}. */
public final class ScoredReadings {
    /** The names of the model seen last (models change rarely; a new one replaces it). */
    private static volatile FeatureValues.Names lastNames;

    private ScoredReadings() {}

    /**
     * A scored reading with its verdict, the score the verdict was decided on (smoothed as the model's
     * bundle asks), threshold, percentile, model version and, where {@code detail} includes the
     * verdict, the per-feature errors and expected values of this reading (else empty maps). Built
     * with the all-fields constructor: Avro's builder validates and copies every field again.
     */
    public static ScoredOutput of(Scored scored, Decision decision, FeatureDetail detail, long now) {
        boolean detailed = detail.includes(decision.verdict());
        List<String> names = scored.model().layout().names();
        Map<String, Double> errors = detailed ? byName(names, scored.featureErrors()) : Map.of();
        Map<String, Double> expected = detailed ? byName(names, scored.expected()) : Map.of();
        return new ScoredOutput(
                record(scored, decision, errors, expected, now),
                scored.reading().avro());
    }

    private static ScoredReading record(
            Scored scored, Decision decision, Map<String, Double> errors, Map<String, Double> expected, long now) {
        return new ScoredReading(
                scored.reading().value(),
                decision.verdict(),
                decision.score(),
                decision.limits().entry(),
                Double.isNaN(decision.percentile()) ? null : decision.percentile(),
                errors,
                expected,
                scored.model().group(),
                scored.model().version(),
                Instant.ofEpochMilli(now));
    }

    /** An unscored reading of an entity whose window is not full yet. */
    public static ScoredOutput warmingUp(InputReading reading, ModelInfo model, long now) {
        var record = ScoredReading.newBuilder()
                .setReading(reading.value())
                .setVerdict(Verdict.WARMING_UP)
                .setModelGroup(model == null ? null : model.group())
                .setModelVersion(model == null ? null : model.version())
                .setScoredAt(Instant.ofEpochMilli(now))
                .build();
        return new ScoredOutput(record, reading.avro());
    }

    private static Map<String, Double> byName(List<String> names, float[] values) {
        FeatureValues.Names known = lastNames;
        if (known == null || known.list != names) {
            known = new FeatureValues.Names(names);
            lastNames = known;
        }
        return new FeatureValues(known, values);
    }
}
