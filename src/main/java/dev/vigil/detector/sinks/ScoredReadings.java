package dev.vigil.detector.sinks;

import dev.vigil.contract.avro.ScoredReading;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.contract.avro.Verdict;
import dev.vigil.detector.decision.Decision;
import dev.vigil.detector.scoring.ModelInfo;
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
     * bundle asks), threshold, percentile, per-feature errors of this reading and model version.
     */
    public static ScoredReading of(Scored scored, Decision decision, long now) {
        List<String> names = scored.model().layout().names();
        return ScoredReading.newBuilder()
                .setReading(scored.reading())
                .setVerdict(decision.verdict())
                .setScore(decision.score())
                .setThreshold(decision.limits().entry())
                .setPercentile(Double.isNaN(decision.percentile()) ? null : decision.percentile())
                .setFeatureErrors(byName(names, scored.featureErrors()))
                .setExpected(byName(names, scored.expected()))
                .setModelGroup(scored.model().group())
                .setModelVersion(scored.model().version())
                .setScoredAt(Instant.ofEpochMilli(now))
                .build();
    }

    /** An unscored reading of an entity whose window is not full yet. */
    public static ScoredReading warmingUp(SensorReading reading, ModelInfo model, long now) {
        return ScoredReading.newBuilder()
                .setReading(reading)
                .setVerdict(Verdict.WARMING_UP)
                .setModelGroup(model == null ? null : model.group())
                .setModelVersion(model == null ? null : model.version())
                .setScoredAt(Instant.ofEpochMilli(now))
                .build();
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
