package dev.vigil.trainer;

import dev.vigil.nn.Optimizer;

/** The optimisers the trainer offers; {@link #cliName()} is the configuration and bundle spelling. */
public enum OptimizerKind {
    /** Adam with decoupled weight decay (the default). */
    ADAM {
        @Override
        Optimizer create(int size, double learningRate, double weightDecay) {
            return Optimizer.adam(size, learningRate, weightDecay);
        }
    },
    /** SGD with momentum 0.9 and L2 weight decay. */
    SGD {
        @Override
        Optimizer create(int size, double learningRate, double weightDecay) {
            return Optimizer.sgd(size, learningRate, SGD_MOMENTUM, weightDecay);
        }
    };

    private static final double SGD_MOMENTUM = 0.9;

    /** A fresh optimiser for {@code size} parameters. */
    abstract Optimizer create(int size, double learningRate, double weightDecay);

    /** Lower-case name used in configurations and bundles: adam or sgd. */
    public String cliName() {
        return EnumNames.of(this);
    }

    /** Parses a lower-case name; the error starts with "optimizer:" and lists the valid names. */
    public static OptimizerKind parse(String name) {
        return EnumNames.parse(OptimizerKind.class, "optimizer", name);
    }
}
