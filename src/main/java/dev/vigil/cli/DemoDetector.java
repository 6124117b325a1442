package dev.vigil.cli;

import dev.vigil.detector.DetectorConfig;
import dev.vigil.detector.DetectorEvents;
import dev.vigil.detector.DetectorInputs;
import dev.vigil.detector.DetectorStreams;
import dev.vigil.detector.DetectorTopology;
import dev.vigil.detector.scoring.BundleValidator;
import dev.vigil.detector.scoring.ModelHolder;
import dev.vigil.detector.scoring.ModelsFollower;
import dev.vigil.detector.scoring.SignatureTrust;
import dev.vigil.ops.Readiness;
import dev.vigil.ops.VigilMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The demo's detector: follows the models topic (trusting the demo's signing key), waits for the
 * first model (the topology is built for its feature layout), then runs the Kafka Streams topology.
 */
final class DemoDetector implements AutoCloseable {
    private final DetectorConfig config;
    private final DetectorEvents events;
    private final ModelHolder holder;
    private final ModelsFollower follower;
    private volatile KafkaStreams streams;
    private AutoCloseable streamsMeters;

    DemoDetector(Map<String, Object> settings, Path publicKey, DetectorEvents events) throws Exception {
        this.config = new DetectorConfig(settings);
        this.events = events;
        BundleValidator validator = new BundleValidator(
                SignatureTrust.fromConfig(Optional.of(publicKey)),
                DetectorInputs.availableFeatures(config),
                config.getDouble(DetectorConfig.PROBE_TOLERANCE));
        this.holder = new ModelHolder(validator, events);
        Map<String, Object> client =
                Map.of("bootstrap.servers", String.join(",", config.list(DetectorConfig.BOOTSTRAP_SERVERS)));
        this.follower =
                new ModelsFollower(client, config.getString(DetectorConfig.MODELS_TOPIC), null, holder::offer).start();
    }

    /** Waits up to {@code timeout} for a first model, then starts scoring; false if none came. */
    boolean startWhenAModelArrives(Duration timeout, VigilMetrics metrics) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (holder.current().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        KafkaStreams started =
                new KafkaStreams(DetectorTopology.build(config, holder, events), DetectorStreams.properties(config));
        streamsMeters = metrics.bindKafkaStreams(started);
        started.start();
        streams = started;
        return true;
    }

    /** Ready when a model is loaded and Kafka Streams is running. */
    Readiness readiness() {
        if (holder.current().isEmpty()) {
            return Readiness.notReady("no model loaded yet");
        }
        KafkaStreams running = streams;
        if (running == null || running.state() != KafkaStreams.State.RUNNING) {
            return Readiness.notReady("kafka streams is " + (running == null ? "not started" : running.state()));
        }
        return Readiness.isReady();
    }

    @Override
    public void close() throws Exception {
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
            streams.cleanUp();
        }
        if (streamsMeters != null) {
            streamsMeters.close();
        }
        follower.close();
        holder.close();
    }
}
