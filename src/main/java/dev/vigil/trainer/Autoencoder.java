package dev.vigil.trainer;

import dev.vigil.nn.Network;
import dev.vigil.nn.Pass;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A trainable autoencoder in scaled space. Training calls {@link #accumulate} on chunks of a
 * mini-batch (possibly in parallel, each chunk with its own {@link Workspace}); the chunk losses and
 * gradients sum to those of the whole batch.
 */
interface Autoencoder {
    /** The networks whose parameters are trained, in a fixed order. */
    List<Network> networks();

    /** Working memory for chunks of up to {@code maxRows} rows. */
    Workspace workspace(int maxRows);

    /**
     * Adds the loss of {@code rows} rows to the workspace's gradients and returns the loss, both
     * normalised so that the chunks of a batch of {@code batchRows} rows sum to the batch objective.
     *
     * @param clean the target rows (scaled)
     * @param input the rows fed to the encoder (equal to {@code clean} unless corrupted)
     */
    double accumulate(float[] clean, float[] input, int rows, int batchRows, Workspace ws, SplittableRandom random);

    /** The deterministic inference path, scaled input to scaled reconstruction. */
    List<DenseLayer> inferenceLayers();

    /**
     * Called after every optimiser step and after parameters are restored: brings parameters derived
     * from others (the decoder's copy of tied weights) up to date. None by default.
     */
    default void parametersUpdated() {}

    /** How the exported model scores a row; the mean weighted squared error unless a variant says otherwise. */
    default ScoreHead scoreHead(TrainerConfig config) {
        return ScoreHead.MeanError.PLAIN;
    }

    /** One {@link Pass} per network plus scratch buffers. */
    final class Workspace {
        final Pass[] passes;
        final float[] scratch;
        final float[] scratch2;
        /** The code as the decoder sees it (after dropout) and the dropout mask, {@code maxRows × code}. */
        final float[] code;

        final float[] mask;

        Workspace(List<Network> networks, int maxRows, int scratchWidth) {
            this(networks, maxRows, scratchWidth, 0);
        }

        Workspace(List<Network> networks, int maxRows, int scratchWidth, int codeWidth) {
            passes = networks.stream().map(n -> n.newPass(maxRows)).toArray(Pass[]::new);
            scratch = new float[maxRows * scratchWidth];
            scratch2 = new float[maxRows * scratchWidth];
            code = new float[maxRows * codeWidth];
            mask = new float[maxRows * codeWidth];
        }

        Pass pass(int network) {
            return passes[network];
        }

        void clearGradients() {
            for (Pass p : passes) {
                p.clearGradients();
            }
        }
    }
}
