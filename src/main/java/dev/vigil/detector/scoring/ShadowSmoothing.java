package dev.vigil.detector.scoring;

import dev.vigil.detector.models.ModelInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each entity's scores smoothed as each model's bundle asks ({@link ModelInfo#smoothing()}, the span
 * its threshold was calibrated for), for the live model and the shadow candidate side by side: the
 * comparison of their alert rates then sees each score on the scale of its threshold, as the
 * decision stage does. An entity's smoothing restarts when either model changes. In memory only,
 * at most {@code maxEntities} entities (least recently seen dropped): the shadow comparison is a
 * statistic, not detector state. Not thread-safe: used by one shadow thread.
 */
final class ShadowSmoothing {
    private final Map<String, Pair> entities;

    /** Both smoothed scores of an entity and the models they belong to. */
    private record Pair(long liveVersion, long shadowVersion, double live, double shadow) {}

    ShadowSmoothing(int maxEntities) {
        this.entities = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Pair> eldest) {
                return size() > maxEntities;
            }
        };
    }

    /**
     * Smooths the batch in order: returns {smoothed live scores, smoothed shadow scores} of {@code
     * live} (their live results) and {@code shadowScores} (the shadow's raw scores of the same readings).
     */
    double[][] smooth(List<Scored> live, double[] shadowScores, ModelInfo shadow) {
        double[] liveOut = new double[live.size()];
        double[] shadowOut = new double[live.size()];
        for (int i = 0; i < live.size(); i++) {
            Scored scored = live.get(i);
            ModelInfo model = scored.model();
            Pair before = entities.get(scored.reading().entity());
            boolean first = before == null
                    || before.liveVersion() != model.version()
                    || before.shadowVersion() != shadow.version();
            liveOut[i] = model.smoothing().next(first ? 0 : before.live(), first, scored.score());
            shadowOut[i] = shadow.smoothing().next(first ? 0 : before.shadow(), first, shadowScores[i]);
            entities.put(
                    scored.reading().entity(), new Pair(model.version(), shadow.version(), liveOut[i], shadowOut[i]));
        }
        return new double[][] {liveOut, shadowOut};
    }
}
