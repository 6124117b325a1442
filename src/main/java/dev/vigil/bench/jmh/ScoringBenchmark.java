package dev.vigil.bench.jmh;

import dev.vigil.bench.BenchReadings;
import dev.vigil.contract.avro.SensorReading;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.features.FeatureLayout;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.ingest.InputReading;
import dev.vigil.detector.models.BundleTrust;
import dev.vigil.detector.models.BundleValidator;
import dev.vigil.detector.models.ModelHolder;
import dev.vigil.detector.models.ModelLease;
import dev.vigil.detector.scoring.BatchScorer;
import dev.vigil.detector.scoring.Scored;
import dev.vigil.trainer.InferenceModel;
import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingData;
import dev.vigil.trainer.TrainingOutcome;
import dev.vigil.trainer.TrainingParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of scoring one batch: the detector's ONNX Runtime path ({@link BatchScorer} over a leased
 * {@link ModelHolder} model, pre-allocated tensors) against the trainer's pure-Java forward pass of
 * the same model, for batch sizes 1 to 512. Divide by the batch size for the cost per row. The model
 * is the default undercomplete autoencoder over 19 features (the ASD shape).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.vigil.contract.avro")
public class ScoringBenchmark {
    static final int FEATURES = 19;

    @Param({"1", "8", "64", "512"})
    int batchSize;

    private ModelHolder holder;
    private BatchScorer scorer;
    private InferenceModel javaModel;
    private List<FeatureVector> vectors;
    private float[] rawRows;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<String> names = BenchReadings.featureNames(FEATURES);
        TrainingOutcome outcome = train(names);
        holder = new ModelHolder(new BundleValidator(BundleTrust.TRUST_ALL, Set.of(), 1e-3), DetectorEvents.NOOP);
        holder.apply(outcome.bundle());
        FeatureLayout layout = new FeatureLayout(names, outcome.bundle().getWindowLength());
        scorer = new BatchScorer(layout, batchSize);
        javaModel = outcome.model();
        rawRows = randomRows(layout.inputWidth(), batchSize);
        vectors = new ArrayList<>();
        SensorReading reading = new BenchReadings(names, 1, 1).reading(0, 0);
        for (int r = 0; r < batchSize; r++) {
            float[] row = new float[layout.inputWidth()];
            System.arraycopy(rawRows, r * row.length, row, 0, row.length);
            vectors.add(new FeatureVector(InputReading.of(reading), row));
        }
    }

    @Benchmark
    public List<Scored> onnxRuntime() throws Exception {
        try (ModelLease lease = holder.acquire()) {
            return scorer.score(lease, vectors);
        }
    }

    @Benchmark
    public InferenceModel.Scores javaForwardPass() {
        return javaModel.score(rawRows, batchSize);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scorer.close();
        holder.close();
    }

    private static TrainingOutcome train(List<String> names) {
        double[][] rows = new double[2000][names.size()];
        Random random = new Random(7);
        for (double[] row : rows) {
            for (int f = 0; f < row.length; f++) {
                row[f] = random.nextGaussian();
            }
        }
        TrainerConfig config = TrainerConfig.defaults()
                .withSeed(7)
                .withTraining(TrainingParams.defaults().withEpochs(2));
        return new ModelTrainer().trainWithReport(TrainingData.of(names, List.<double[][]>of(rows)), config, "jmh", 1);
    }

    private static float[] randomRows(int width, int rows) {
        Random random = new Random(11);
        float[] raw = new float[width * rows];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (float) random.nextGaussian();
        }
        return raw;
    }
}
