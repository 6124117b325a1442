package dev.vigil.trainer;

import dev.vigil.nn.Optimizer;

/** The optimisers the trainer offers; {@link #cliName()} is the configuration and bundle spelling. */
public enum OptimizerKind {
    /** Adam (moment decay rates β1, β2) with decoupled weight decay (the default). */
    ADAM {
        @Override
        Optimizer create(int size, TrainingParams p) {
            return Optimizer.adam(size, p.learningRate(), p.beta1(), p.beta2(), p.weightDecay());
        }
    },
    /** SGD with momentum and L2 weight decay. */
    SGD {
        @Override
        Optimizer create(int size, TrainingParams p) {
            return Optimizer.sgd(size, p.learningRate(), p.momentum(), p.weightDecay());
        }
    };

    /** A fresh optimiser for {@code size} parameters, set up as {@code params} says. */
    abstract Optimizer create(int size, TrainingParams params);

    /** Lower-case name used in configurations and bundles: adam or sgd. */
    public String cliName() {
        return EnumNames.of(this);
    }

    /** Parses a lower-case name; the error starts with "optimizer:" and lists the valid names. */
    public static OptimizerKind parse(String name) {
        return EnumNames.parse(OptimizerKind.class, "optimizer", name);
    }
}
