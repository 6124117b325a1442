package dev.vigil.cli;

import dev.vigil.contract.AvroCodec;
import dev.vigil.contract.avro.AnomalyAlert;
import dev.vigil.ops.demo.AlertBook;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code vigil.alerts} on a thread of its own into an {@link AlertBook} and a listener. */
final class AlertsFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsFollower.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AvroCodec<AnomalyAlert> codec = AvroCodec.of(AnomalyAlert.class);
    private final AlertBook book = new AlertBook();
    private final Consumer<AnomalyAlert> listener;
    private final Thread thread;
    private volatile boolean running = true;

    AlertsFollower(String bootstrapServers, String topic, Consumer<AnomalyAlert> listener) {
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, "vigil-demo-alerts",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.listener = listener;
        consumer.subscribe(List.of(topic));
        this.thread = new Thread(this::run, "vigil-demo-alerts");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    AlertBook book() {
        return book;
    }

    private void run() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(this::handle);
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        try {
            AnomalyAlert alert = codec.decode(record.value());
            book.apply(alert);
            listener.accept(alert);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Unreadable alert at offset {}: {}", record.offset(), e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
