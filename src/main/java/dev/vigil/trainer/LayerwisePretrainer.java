package dev.vigil.trainer;

import dev.vigil.nn.Network;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Greedy layer-wise pretraining of a deep autoencoder (Bengio et al., 2007): encoder layer i and its
 * mirror decoder layer are trained as a shallow autoencoder on the codes produced by the already
 * pretrained layers below it, then copied into the deep network, which is afterwards fine-tuned end
 * to end. Each shallow stage runs for a fifth of the configured epochs (at least 3). A tied model's
 * stages are tied too, so the copied decoder layers stay the transposes of their encoder layers.
 */
final class LayerwisePretrainer {
    private static final Logger LOG = LoggerFactory.getLogger(LayerwisePretrainer.class);

    private final TrainerConfig stageConfig;

    LayerwisePretrainer(TrainerConfig config) {
        TrainingParams training = config.training();
        this.stageConfig = config.withTraining(training.withEpochs(Math.max(3, training.epochs() / 5)));
    }

    void pretrain(
            DenseAutoencoder model,
            float[] train,
            int trainRows,
            float[] validation,
            int validationRows,
            SplittableRandom random) {
        Network encoder = model.encoder();
        Network decoder = model.decoder();
        int layers = encoder.layers();
        float[] x = train;
        float[] v = validation;
        for (int i = 0; i < layers; i++) {
            DenseAutoencoder stage = stage(encoder, decoder, i, model.tied(), random);
            LossHistory history = new TrainingLoop(stageConfig, Corruption.NONE, EpochListener.NONE)
                    .run(
                            stage,
                            x,
                            trainRows,
                            encoder.width(i),
                            new Validator(v, validationRows, encoder.width(i)),
                            random);
            LOG.info(
                    "pretrained layer {} ({} -> {}): validation loss {}",
                    i + 1,
                    encoder.width(i),
                    encoder.width(i + 1),
                    history.bestValidation());
            copyLayer(stage.encoder(), encoder, i);
            copyLayer(stage.decoder(), decoder, layers - 1 - i);
            List<DenseLayer> trained = DenseLayer.of(stage.encoder());
            x = InferenceModel.propagate(trained, x, trainRows);
            v = InferenceModel.propagate(trained, v, validationRows);
        }
        model.parametersUpdated();
    }

    /** A shallow autoencoder for layer {@code i}, tied when the deep model is (no code dropout). */
    private DenseAutoencoder stage(Network encoder, Network decoder, int i, boolean tied, SplittableRandom random) {
        int in = encoder.width(i);
        int out = encoder.width(i + 1);
        int mirror = decoder.layers() - 1 - i;
        Network enc = new Network(new int[] {in, out}, List.of(encoder.activation(i)), random);
        Network dec = new Network(new int[] {out, in}, List.of(decoder.activation(mirror)), random);
        return new DenseAutoencoder(enc, dec, stageConfig.network().loss(), CodePenalty.NONE, CodeDropout.NONE, tied);
    }

    /** Copies the single layer of {@code shallow} (weights then biases) into layer {@code l} of {@code deep}. */
    private static void copyLayer(Network shallow, Network deep, int l) {
        float[] source = shallow.parameters();
        System.arraycopy(source, 0, deep.parameters(), deep.weightOffset(l), source.length);
    }
}
