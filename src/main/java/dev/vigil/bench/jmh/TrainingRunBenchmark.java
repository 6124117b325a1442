package dev.vigil.bench.jmh;

import dev.vigil.bench.BenchReadings;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.trainer.ModelTrainer;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.TrainingData;
import dev.vigil.trainer.TrainingParams;
import dev.vigil.trainer.Variant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of a training run of one and of three epochs on data of the ASD shape (8,640 rows of 19
 * features); the difference divided by two is the cost of one epoch, the one-epoch figure less that
 * is the fixed cost (scaler, windows, calibration, ONNX export, probe).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.vigil.contract.avro")
public class TrainingRunBenchmark {
    @Param({"undercomplete"})
    String variant;

    @Param({"1", "3"})
    int epochs;

    private TrainingData data;
    private TrainerConfig config;

    @Setup
    public void setUp() {
        List<String> names = BenchReadings.featureNames(19);
        double[][] rows = new double[8640][names.size()];
        Random random = new Random(3);
        for (double[] row : rows) {
            for (int f = 0; f < row.length; f++) {
                row[f] = 0.5 + 0.1 * random.nextGaussian();
            }
        }
        data = TrainingData.of(names, List.<double[][]>of(rows));
        config = TrainerConfig.defaults()
                .withVariant(Variant.parse(variant))
                .withSeed(3)
                .withTraining(TrainingParams.defaults().withEpochs(epochs).withPatience(epochs + 1));
    }

    @Benchmark
    public ModelBundle train() {
        return new ModelTrainer().train(data, config, "jmh", 1);
    }
}
