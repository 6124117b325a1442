package dev.vigil.bench;

import dev.vigil.trainer.TrainingThroughput;
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
 * One training epoch of the default model (undercomplete, automatic layers 32-16-8-16-32, Adam,
 * batch 256, two chunks per batch) over 100,000 × 32 rows. Samples/s = 100,000 / (seconds per
 * epoch); GFLOP/s = samples/s × {@link TrainingThroughput#flopsPerSample()} / 1e9.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
public class TrainingEpochBenchmark {
    @Param({"100000"})
    int rows;

    @Param({"32"})
    int width;

    private TrainingThroughput throughput;

    @Setup
    public void setUp() {
        throughput = new TrainingThroughput(rows, width, 42);
    }

    @Benchmark
    public double trainOneEpoch() {
        return throughput.epoch();
    }
}
