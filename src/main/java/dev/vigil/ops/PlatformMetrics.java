package dev.vigil.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The build ({@link BuildInfo}), JVM and Kafka Streams meters that Micrometer already knows how to read, and their cleanup: a
 * binder for one registry. {@link #bindTo} binds the JVM meters; {@link #bindKafkaStreams} adds a
 * Kafka Streams client's to the same registry.
 */
public final class PlatformMetrics implements MeterBinder, AutoCloseable {
    /** How often new Kafka client metrics (a partition assigned later, say) are picked up. */
    static final Duration KAFKA_REFRESH = Duration.ofSeconds(10);

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private ScheduledExecutorService kafkaRefresher;
    private MeterRegistry registry;

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        this.registry = registry;
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        closeables.add(gc);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        BuildInfo.bindTo(registry);
    }

    /**
     * Binds the Kafka Streams client metrics (consumer lag, commit rate, process rate, ...) of {@code
     * streams} to the registry bound. Close the result when the streams instance closes.
     */
    public synchronized AutoCloseable bindKafkaStreams(KafkaStreams streams) {
        if (registry == null) {
            throw new IllegalStateException("bind a registry before the Kafka Streams meters");
        }
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams, List.of(), refresher(), KAFKA_REFRESH);
        binder.bindTo(registry);
        closeables.add(binder);
        return binder;
    }

    private ScheduledExecutorService refresher() {
        if (kafkaRefresher == null) {
            kafkaRefresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "vigil-kafka-metrics");
                thread.setDaemon(true);
                return thread;
            });
        }
        return kafkaRefresher;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable closeable : closeables) {
            closeQuietly(closeable);
        }
        closeables.clear();
        if (kafkaRefresher != null) {
            kafkaRefresher.shutdownNow();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(PlatformMetrics.class).warn("closing {} failed", closeable, e);
        }
    }
}
