package dev.vigil.detector.scoring;

import dev.vigil.contract.ModelContract;
import dev.vigil.detector.ingest.InputReading;
import dev.vigil.detector.models.ModelInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reading with the model's opinion of it. The per-feature figures are read from its batch's
 * outputs (copied once per batch) only when asked for: most readings never need them.
 */
public final class Scored {
    private final InputReading reading;
    private final float[] input;
    private final double score;
    private final BatchOutputs outputs;
    private final int row;
    private final ModelInfo model;

    /** The per-feature outputs of one scored batch, row after row, F values per row; statistics may be null. */
    record BatchOutputs(float[] featureErrors, float[] reconstructions, int features, Statistics statistics) {}

    /** A PCA model's T² and Q of each row of a batch, each divided by its limit. */
    record Statistics(float[] t2, float[] q) {}

    Scored(InputReading reading, float[] input, double score, BatchOutputs outputs, int row, ModelInfo model) {
        this.reading = reading;
        this.input = input;
        this.score = score;
        this.outputs = outputs;
        this.row = row;
        this.model = model;
    }

    /** The reading (and its encoding, when known). */
    public InputReading reading() {
        return reading;
    }

    /** Anomaly score (reconstruction error). */
    public double score() {
        return score;
    }

    /** The model that scored it. */
    public ModelInfo model() {
        return model;
    }

    /** The newest reading's F values in model order (a copy). */
    public float[] actual() {
        return Arrays.copyOfRange(input, input.length - outputs.features(), input.length);
    }

    /** Per-feature error, F values averaged over the window (a copy). */
    public float[] featureErrors() {
        return rowOf(outputs.featureErrors());
    }

    /** Reconstructed values of the newest reading, F values in original units (a copy). */
    public float[] expected() {
        return rowOf(outputs.reconstructions());
    }

    /**
     * The model's own statistics of this reading, each divided by its limit (above 1: it fired), by
     * output name: {@code t2} and {@code q} for a PCA model, none for the others.
     */
    public Map<String, Float> statistics() {
        Statistics statistics = outputs.statistics();
        if (statistics == null) {
            return Map.of();
        }
        Map<String, Float> byName = new LinkedHashMap<>();
        byName.put(ModelContract.T2, statistics.t2()[row]);
        byName.put(ModelContract.Q, statistics.q()[row]);
        return byName;
    }

    private float[] rowOf(float[] batch) {
        int features = outputs.features();
        return Arrays.copyOfRange(batch, row * features, (row + 1) * features);
    }
}
