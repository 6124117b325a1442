package dev.vigil.cli;

import dev.vigil.bench.BenchOptions;
import dev.vigil.bench.BenchReadings;
import dev.vigil.bench.BenchResult;
import dev.vigil.bench.BenchSubject;
import dev.vigil.bench.Benchmark;
import dev.vigil.bench.DetectorSubject;
import dev.vigil.bench.SoakResult;
import dev.vigil.bench.SoakRun;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.ops.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vigil bench}: detector against pass-through on an in-process broker, or a soak run. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Starts an in-process Kafka broker and measures, on the same broker and data, a pass-through "
                + "Kafka Streams topology and the full detector (records/s, exactly_once_v2), then the detector's "
                + "warm end-to-end latency at a quarter and at half of its measured maximum, and a cold start (a "
                + "fresh instance started into input paced at half). With --soak, runs the detector at a paced rate "
                + "and samples heap-after-GC, records/s and errors.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--records",
            defaultValue = "1000000",
            description = "Readings per subject (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--features", defaultValue = "8", description = "Features per reading (default: ${DEFAULT-VALUE}).")
    int features;

    @Option(
            names = "--partitions",
            defaultValue = "2",
            description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--latency-rate",
            defaultValue = "0",
            description = "The maximum records/s the latency loads (a quarter and half) are shares of;"
                    + " 0 = the detector's measured maximum (default: ${DEFAULT-VALUE}).")
    double latencyRate;

    @Option(
            names = "--rounds",
            defaultValue = "3",
            description = "Measured rounds of both subjects, in alternating order; the report gives medians"
                    + " (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--warmup-rounds",
            defaultValue = "2",
            description = "Untimed rounds of both subjects first, so the JIT compiler has compiled both"
                    + " (default: ${DEFAULT-VALUE}).")
    int warmupRounds;

    @Option(
            names = "--latency-seconds",
            defaultValue = "10",
            description = "Length of each paced latency load, and of the untimed warm-up before them"
                    + " (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(
            names = "--cold-seconds",
            defaultValue = "30",
            description =
                    "How long input is paced while a fresh detector instance starts" + " (default: ${DEFAULT-VALUE}).")
    int coldSeconds;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the readings and the model (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Detector setting, e.g. --set scoring.batch.size=256.")
    Map<String, String> detector = new LinkedHashMap<>();

    @Option(
            names = "--streams-set",
            paramLabel = "KEY=VALUE",
            description =
                    "Kafka Streams setting for both subjects alike, e.g. --streams-set producer.batch.size=262144.")
    Map<String, String> streams = new LinkedHashMap<>();

    @Option(
            names = "--padded-baseline",
            paramLabel = "BYTES",
            defaultValue = "0",
            description = "Measure, in the detector's place, a pass-through whose output values are BYTES longer:"
                    + " the best a detector writing that much more could do on this machine (default: off).")
    int paddedBaseline;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON.")
    Path json;

    @Option(
            names = "--soak",
            paramLabel = "DURATION",
            converter = HumanDuration.class,
            description = "Soak instead: run for this long, e.g. 30m, 1h or PT1H.")
    Duration soak;

    @Option(
            names = "--rate",
            defaultValue = "2000",
            description = "Soak input rate, records/s (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--sample-seconds",
            defaultValue = "30",
            description = "Soak sampling interval (default: ${DEFAULT-VALUE}).")
    int sampleSeconds;

    @Override
    public Integer call() throws Exception {
        if (!FullBuild.BROKER.check("bench", spec.commandLine().getErr())) {
            return FullBuild.EXIT_CODE;
        }
        if (paddedBaseline < 0) {
            throw new ParameterException(
                    spec.commandLine(), "--padded-baseline must be 0 or more, was " + paddedBaseline);
        }
        List<String> names = BenchReadings.featureNames(features);
        ModelBundle model = DetectorSubject.defaultModel(names, 5000, seed);
        try (DetectorSubject subject = new DetectorSubject(model, detector)) {
            String report = soak == null ? benchmark(subject, names) : soak(subject, names);
            spec.commandLine().getOut().println(report);
        }
        return 0;
    }

    private String benchmark(DetectorSubject subject, List<String> names) throws Exception {
        BenchOptions defaults = BenchOptions.defaults(records, names);
        BenchOptions options = new BenchOptions(
                records,
                defaults.warmupFraction(),
                warmupRounds,
                rounds,
                partitions,
                defaults.entities(),
                names,
                Duration.ofSeconds(latencySeconds),
                latencyRate,
                Duration.ofSeconds(coldSeconds),
                defaults.timeout(),
                seed,
                streams);
        BenchSubject measured = paddedBaseline > 0 ? BenchSubject.passThrough(paddedBaseline) : subject;
        BenchResult result;
        try (EmbeddedKafka kafka = QuietBroker.start()) {
            result = new Benchmark(options).run(kafka, measured);
        }
        if (json != null) {
            result.write(json);
        }
        return result.toJson();
    }

    private String soak(DetectorSubject subject, List<String> names) throws Exception {
        try (EmbeddedKafka kafka = QuietBroker.start()) {
            SoakResult result = new SoakRun(kafka, new BenchReadings(names, 100, seed), partitions)
                    .run(subject, rate, soak, Duration.ofSeconds(sampleSeconds));
            if (json != null) {
                result.write(json);
            }
            return result.toJson();
        }
    }
}
