package dev.vigil.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.testkit.Await;
import dev.vigil.testkit.LocalAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {
    @Test
    void aTransactionalRecordIsReadBackReadCommittedFromTheInProcessBroker() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopic("t", 2);
            Map<String, Object> producerProps = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                    "tx-" + UUID.randomUUID());
            try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t", "k", "v"));
                producer.commitTransaction();
            }
            Map<String, Object> consumerProps = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "g",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            try (var consumer =
                    new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("t"));
                int[] seen = {0};
                Await.upTo(Duration.ofSeconds(30))
                        .stepping(() ->
                                seen[0] += consumer.poll(Duration.ofMillis(200)).count())
                        .holds(() -> seen[0] != 0);
                assertEquals(1, seen[0]);
            }
        }
    }

    @Test
    void theBrokerAndTheControllerListenOnLoopbackOnly() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            for (int port : List.of(
                    LocalAddresses.port(kafka.bootstrapServers()), LocalAddresses.port(kafka.bootstrapControllers()))) {
                assertTrue(LocalAddresses.accepts(InetAddress.getLoopbackAddress(), port), "loopback port " + port);
                for (InetAddress other : LocalAddresses.otherThanLoopback()) {
                    assertFalse(LocalAddresses.accepts(other, port), "port " + port + " reachable on " + other);
                }
            }
            kafka.createTopic("after-rebind", 1);
        }
    }
}
