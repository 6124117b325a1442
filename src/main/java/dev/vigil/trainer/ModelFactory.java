package dev.vigil.trainer;

import dev.vigil.nn.Activation;
import dev.vigil.nn.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds the trainable model of a variant. */
final class ModelFactory {
    private ModelFactory() {}

    static Autoencoder create(TrainerConfig config, Architecture arch, SplittableRandom random) {
        if (config.variant() == Variant.VARIATIONAL) {
            return variational(config, arch, random);
        }
        Network encoder = new Network(arch.encoderLayout(), arch.encoderActivations(), random);
        Network decoder = new Network(arch.decoderLayout(), arch.decoderActivations(), random);
        NetworkParams network = config.network();
        return new DenseAutoencoder(
                encoder,
                decoder,
                network.loss(),
                penalty(config, arch),
                new CodeDropout(network.codeDropout()),
                network.tiedWeights());
    }

    static CodePenalty penalty(TrainerConfig config, Architecture arch) {
        return switch (config.variant()) {
            case SPARSE -> config.sparsity().penalty(arch.codeSize());
            case CONTRACTIVE -> CodePenalty.contractive(config.contractive().weight());
            default -> CodePenalty.NONE;
        };
    }

    static Corruption corruption(TrainerConfig config) {
        return config.variant() == Variant.DENOISING
                ? new Corruption(
                        config.denoising().maskingNoise(), config.denoising().gaussianNoise())
                : Corruption.NONE;
    }

    private static Autoencoder variational(TrainerConfig config, Architecture arch, SplittableRandom random) {
        int[] enc = arch.encoderLayout();
        enc[enc.length - 1] = 2 * arch.codeSize();
        List<Activation> encActs = new ArrayList<>(arch.encoderActivations());
        encActs.set(encActs.size() - 1, Activation.IDENTITY);
        Network encoder = new Network(enc, encActs, random);
        Network decoder = new Network(arch.decoderLayout(), arch.decoderActivations(), random);
        return new VariationalAutoencoder(
                encoder, decoder, config.network().loss(), config.variational().klWeight());
    }
}
