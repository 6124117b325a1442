package dev.vigil.detector.decision;

import dev.vigil.contract.ScoreSmoothing;
import java.util.Objects;

/**
 * One entity's smoothed score: the moving average of the scores of the model that scored it. It
 * restarts when another model (group or version) scores the entity, since scores of different
 * models are not on one scale. Mutable.
 */
public final class SmoothedScore {
    double value;
    boolean started;
    String modelGroup = "";
    long modelVersion;

    /** Adds {@code score} from model {@code group:version} with {@code smoothing}; returns the smoothed score. */
    public double update(double score, String group, long version, ScoreSmoothing smoothing) {
        boolean sameModel = started && modelVersion == version && Objects.equals(modelGroup, group);
        value = smoothing.next(value, !sameModel, score);
        started = true;
        modelGroup = group == null ? "" : group;
        modelVersion = version;
        return value;
    }
}
