package dev.vigil.detector.decision;

import dev.vigil.detector.models.ModelInfo;
import java.util.Objects;

/**
 * What an entity's thresholds remember, and which model it was learned under: the streaming quantile
 * of adaptive mode and the tail of EVT mode. Scores of another model live on another scale, so
 * {@link ThresholdPolicy} re-bases both when a new model (group or version) scores the entity.
 * Mutable.
 */
public final class ThresholdState {
    String modelGroup = "";
    long modelVersion = Long.MIN_VALUE;
    P2Quantile quantile;
    TailState tail;
    double floor = Double.NEGATIVE_INFINITY;

    /** A state learned under no model yet, with {@code quantile} as its adaptive estimate. */
    public ThresholdState(P2Quantile quantile) {
        this.quantile = quantile;
    }

    /** The streaming quantile of adaptive mode. */
    public P2Quantile quantile() {
        return quantile;
    }

    /** The EVT tail, or null when none is in use. */
    public TailState tail() {
        return tail;
    }

    /**
     * The lowest entry threshold operators allowed under this model: just above the highest score
     * of a stretch they reported as a false alarm ({@link FeedbackLearning}); {@code -Infinity}
     * when none. Reset with everything else when another model scores the entity.
     */
    public double floor() {
        return floor;
    }

    /** Raises the floor to {@code floor} if it is higher. */
    void raiseFloor(double floor) {
        this.floor = Math.max(this.floor, floor);
    }

    /** The version of the model it was learned under ({@code Long.MIN_VALUE}: none yet). */
    public long modelVersion() {
        return modelVersion;
    }

    boolean learnedUnder(ModelInfo model) {
        return modelVersion == model.version() && Objects.equals(modelGroup, model.group());
    }

    void learnUnder(ModelInfo model) {
        modelGroup = model.group() == null ? "" : model.group();
        modelVersion = model.version();
    }
}
