package dev.vigil.cli;

import dev.vigil.detector.Detector;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.models.BundleRefusedException;
import dev.vigil.ops.PlatformMetrics;
import dev.vigil.ops.Readiness;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The demo's detector: the real {@link Detector} runtime, started once the trainer has published a
 * first model (the detector needs one to build its topology for the model's feature layout).
 */
final class DemoDetector implements AutoCloseable {
    private final DetectorConfig config;
    private final DetectorEvents events;
    private volatile Detector detector;
    private AutoCloseable streamsMeters;

    DemoDetector(Map<String, Object> settings, DetectorEvents events) {
        this.config = new DetectorConfig(settings);
        this.events = events;
    }

    /** Starts the detector, which loads the newest model from the models topic, and binds its Kafka meters. */
    void start(PlatformMetrics platform) throws BundleRefusedException {
        Detector started = Detector.start(config, events);
        streamsMeters = platform.bindKafkaStreams(started.streams());
        detector = started;
    }

    /** Ready when the detector runs with a model and Kafka Streams is RUNNING. */
    Readiness readiness() {
        Detector running = detector;
        if (running == null) {
            return Readiness.notReady("waiting for the first model");
        }
        KafkaStreams.State state = running.streams().state();
        return state == KafkaStreams.State.RUNNING
                ? Readiness.isReady()
                : Readiness.notReady("kafka streams is " + state);
    }

    @Override
    public void close() throws Exception {
        if (detector != null) {
            detector.close();
        }
        if (streamsMeters != null) {
            streamsMeters.close();
        }
    }
}
