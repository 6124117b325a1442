package dev.vigil.trainer;

import java.util.ArrayList;
import java.util.List;

/** Per-epoch training and validation losses, and the epoch with the best validation loss. */
public final class LossHistory {
    private final List<Double> train = new ArrayList<>();
    private final List<Double> validation = new ArrayList<>();
    private int bestEpoch = -1;

    void add(double trainLoss, double validationLoss) {
        train.add(trainLoss);
        validation.add(validationLoss);
        if (bestEpoch < 0 || validationLoss < validation.get(bestEpoch)) {
            bestEpoch = validation.size() - 1;
        }
    }

    /** Training loss per epoch. */
    public List<Double> train() {
        return List.copyOf(train);
    }

    /** Validation loss per epoch. */
    public List<Double> validation() {
        return List.copyOf(validation);
    }

    /** Epochs run. */
    public int epochs() {
        return train.size();
    }

    /** 0-based index of the best validation epoch. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Whether the last epoch is the best so far. */
    boolean lastIsBest() {
        return bestEpoch == validation.size() - 1;
    }

    /** Best validation loss. */
    public double bestValidation() {
        return validation.get(bestEpoch);
    }

    /** Final training loss. */
    public double lastTrain() {
        return train.get(train.size() - 1);
    }
}
