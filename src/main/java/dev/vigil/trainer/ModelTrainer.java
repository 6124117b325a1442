package dev.vigil.trainer;

import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.Probe;
import dev.vigil.contract.avro.ScalerParams;
import dev.vigil.contract.avro.TrainingSummary;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an autoencoder on normal data and packages it as a complete {@link ModelBundle}: feature
 * names, window length, fitted scaler, training means, label-free thresholds, validation score
 * quantiles, training summary, a probe batch with its expected scores, and the ONNX model with its
 * SHA-256. The signature and key id are left null (signing is a separate step).
 *
 * <p>Input for one entity at time t is the window of rows t-W+1..t flattened oldest first (W·F raw
 * values). The score is the mean squared error in scaled space over all W·F inputs; see
 * {@link InferenceModel}. Every random draw derives from {@link TrainerConfig#seed()}; with a fixed
 * {@link Clock} the same data and configuration give a byte-identical bundle.
 */
public final class ModelTrainer {
    /** Number of probe rows stored in each bundle. */
    public static final int PROBE_ROWS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);

    private final Clock clock;
    private final EpochListener listener;

    /** A trainer using the system clock and no progress listener. */
    public ModelTrainer() {
        this(Clock.systemUTC(), EpochListener.NONE);
    }

    /** A trainer with the given clock (bundle timestamp and duration) and progress listener. */
    public ModelTrainer(Clock clock, EpochListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    /** Trains and returns the bundle. */
    public ModelBundle train(TrainingData data, TrainerConfig config, String group, long version) {
        return trainWithReport(data, config, group, version).bundle();
    }

    /** Trains and returns the bundle with the loss curves and validation scores. */
    public TrainingOutcome trainWithReport(TrainingData data, TrainerConfig config, String group, long version) {
        long started = clock.millis();
        StageLaps laps = new StageLaps(listener);
        int features = data.featureNames().size();
        Architecture arch = Architecture.resolve(config, features);
        WindowSet windows = WindowSet.cut(data, arch.window(), config.scoring().validationSplit());
        laps.lap("windows");
        ScalerParams scaler = Scaler.fit(
                config.scoring().scaler().resolve(windows.trainReadings()), windows.trainReadings(), features);
        laps.lap("scaler fit");
        LOG.info(
                "training {} on {} windows ({} validation), {}",
                config.variant().cliName(),
                windows.trainRows(),
                windows.validationRows(),
                arch);
        Fitted trained = fit(config, arch, windows, scaler);
        laps.lap("training");
        Fitted fitted = PcaLimits.withQLimit(
                ErrorNormalisation.apply(trained, windows, config),
                windows,
                config.scoring().thresholdQuantile());
        float[] validationScores = smoothed(
                fitted.model()
                        .score(windows.validation(), windows.validationRows())
                        .score(),
                windows.validationCounts(),
                new ScoreSmoothing(config.scoring().scoreSmoothing()));
        Calibration calibration = new Calibration(validationScores, windows.validationCounts());
        laps.lap("error weights and validation scores");
        ModelBundle bundle = BundleAssembler.assemble(new BundleAssembler.Parts(
                group,
                version,
                config,
                data.featureNames(),
                arch.window(),
                scaler,
                featureMeans(windows.trainReadings(), features),
                calibration,
                fitted,
                summary(config, windows, fitted.history(), clock.millis() - started),
                probe(fitted.model(), windows),
                Instant.ofEpochMilli(started)));
        laps.lap("calibration, probe and ONNX export");
        return new TrainingOutcome(bundle, fitted.model(), fitted.history(), calibration.sortedScores());
    }

    /** Each sequence's validation scores smoothed in time order, as the detector smooths an entity's. */
    static float[] smoothed(float[] scores, int[] counts, ScoreSmoothing smoothing) {
        float[] out = new float[scores.length];
        int start = 0;
        for (int count : counts) {
            float[] part = smoothing.smooth(java.util.Arrays.copyOfRange(scores, start, start + count));
            System.arraycopy(part, 0, out, start, count);
            start += count;
        }
        return out;
    }

    /** The Java forward-pass scores of {@code rows} raw input rows ({@code rows × W·F}). */
    public static double[] scoreRows(InferenceModel model, float[] raw, int rows) {
        float[] scores = model.score(raw, rows).score();
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = scores[i];
        }
        return out;
    }

    /** A trained model in inference form plus its loss history. */
    record Fitted(InferenceModel model, LossHistory history) {}

    private Fitted fit(TrainerConfig config, Architecture arch, WindowSet windows, ScalerParams scaler) {
        InferenceModel scaling = inferenceModel(arch, scaler, List.of());
        float[] train = scaling.scaleInputs(windows.train(), windows.trainRows());
        float[] validation = scaling.scaleInputs(windows.validation(), windows.validationRows());
        SplittableRandom random = new SplittableRandom(config.seed());
        if (config.variant() == Variant.PCA) {
            return fitPca(config, arch, scaler, train, windows, validation);
        }
        Autoencoder model = ModelFactory.create(config, arch, random);
        Validator validator = new Validator(validation, windows.validationRows(), arch.width());
        if (config.variant() == Variant.DEEP && config.deep().pretrain()) {
            new LayerwisePretrainer(config)
                    .pretrain(
                            (DenseAutoencoder) model,
                            train,
                            windows.trainRows(),
                            validation,
                            windows.validationRows(),
                            random);
        }
        LossHistory history = new TrainingLoop(config, ModelFactory.corruption(config), listener)
                .run(model, train, windows.trainRows(), arch.width(), validator, random);
        return new Fitted(
                inferenceModel(arch, scaler, model.inferenceLayers()).withHead(model.scoreHead(config)), history);
    }

    private Fitted fitPca(
            TrainerConfig config,
            Architecture arch,
            ScalerParams scaler,
            float[] train,
            WindowSet windows,
            float[] validation) {
        PcaModel pca = PcaModel.fit(train, windows.trainRows(), arch.width(), arch.codeSize());
        InferenceModel model = inferenceModel(arch, scaler, pca.layers())
                .withHead(pca.scoreHead(
                        config.scoring().thresholdQuantile(), config.pca().rule()));
        LossHistory history = new LossHistory();
        Validator validator = new Validator(train, windows.trainRows(), arch.width());
        double trainLoss = validator.meanScore(model.layers());
        double validationLoss =
                new Validator(validation, windows.validationRows(), arch.width()).meanScore(model.layers());
        history.add(trainLoss, validationLoss);
        listener.epochFinished(1, 1, trainLoss, validationLoss, 0);
        return new Fitted(model, history);
    }

    static InferenceModel inferenceModel(Architecture arch, ScalerParams scaler, List<DenseLayer> layers) {
        return new InferenceModel(
                scaler.getCenter().size(),
                arch.window(),
                toFloats(scaler.getCenter()),
                toFloats(scaler.getScale()),
                layers);
    }

    private static float[] toFloats(List<Double> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }

    private static List<Double> featureMeans(List<double[]> readings, int features) {
        double[] sums = new double[features];
        for (double[] row : readings) {
            for (int f = 0; f < features; f++) {
                sums[f] += row[f];
            }
        }
        List<Double> means = new ArrayList<>();
        for (double s : sums) {
            means.add(s / Math.max(1, readings.size()));
        }
        return means;
    }

    private static TrainingSummary summary(TrainerConfig config, WindowSet windows, LossHistory history, long millis) {
        Map<String, String> params = new TreeMap<>(config.asMap());
        return TrainingSummary.newBuilder()
                .setSamples(windows.trainRows())
                .setEpochs(history.epochs())
                .setTrainLoss(history.lastTrain())
                .setValidationLoss(history.bestValidation())
                .setDurationMs(millis)
                .setSeed(config.seed())
                .setConfig(params)
                .build();
    }

    /** {@value #PROBE_ROWS} validation windows, evenly spaced, with their Java scores. */
    private static Probe probe(InferenceModel model, WindowSet windows) {
        int rows = Math.min(PROBE_ROWS, windows.validationRows());
        int width = windows.width();
        float[] inputs = new float[rows * width];
        for (int i = 0; i < rows; i++) {
            int source = (int) ((long) i * windows.validationRows() / rows);
            System.arraycopy(windows.validation(), source * width, inputs, i * width, width);
        }
        List<Float> boxed = new ArrayList<>();
        for (float v : inputs) {
            boxed.add(v);
        }
        List<Double> scores = new ArrayList<>();
        for (double s : scoreRows(model, inputs, rows)) {
            scores.add(s);
        }
        return Probe.newBuilder()
                .setRows(rows)
                .setInputs(boxed)
                .setScores(scores)
                .build();
    }

    static ByteBuffer wrap(byte[] bytes) {
        return ByteBuffer.wrap(bytes);
    }
}
