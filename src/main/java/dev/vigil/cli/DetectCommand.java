package dev.vigil.cli;

import dev.vigil.detector.Detector;
import dev.vigil.detector.DetectorConfig;
import dev.vigil.detector.DetectorEvents;
import dev.vigil.detector.scoring.BundleRefusedException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil detect --config detector.properties}: runs the detector until SIGTERM/SIGINT, then
 * closes Kafka Streams (committing its work) and only then the ONNX Runtime sessions.
 */
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = "Score every reading of the input topic and raise alerts (Kafka Streams + ONNX Runtime).")
public final class DetectCommand implements Callable<Integer> {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Detector properties; VIGIL_* environment variables override them (VIGIL_INPUT_TOPIC"
                    + " sets input.topic); kafka.* keys go to Kafka Streams.")
    Path config;

    @Override
    public Integer call() throws Exception {
        DetectorConfig settings;
        try {
            settings = DetectorConfig.load(config, System.getenv());
        } catch (ConfigException e) {
            System.err.println("vigil detect: invalid configuration: " + e.getMessage());
            return 2;
        }
        Detector detector;
        try {
            detector = Detector.start(settings, DetectorEvents.NOOP);
        } catch (BundleRefusedException | IllegalStateException | ConfigException e) {
            System.err.println("vigil detect: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            detector.close();
                            stopped.countDown();
                        },
                        "vigil-detect-shutdown"));
        stopped.await();
        return 0;
    }
}
