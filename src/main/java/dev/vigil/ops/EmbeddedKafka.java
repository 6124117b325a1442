package dev.vigil.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (combined controller and broker) running in this JVM, for
 * the demo, the benchmarks, {@code evaluate}, and integration tests. It has no authentication, so
 * its broker and controller listen on the loopback interface only ({@link LoopbackListeners}). Data
 * lives in a temporary directory that is deleted on {@link #close()}.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaClusterTestKit cluster;
    private final Path baseDir;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaClusterTestKit cluster, Path baseDir) {
        this.cluster = cluster;
        this.baseDir = baseDir;
        this.bootstrapServers = cluster.bootstrapServers();
    }

    /** Formats and starts a broker with default settings and waits until it serves requests. */
    public static EmbeddedKafka start() throws Exception {
        return start(Map.of());
    }

    /** Formats and starts a broker with extra broker properties and waits until it serves requests. */
    public static EmbeddedKafka start(Map<String, Object> brokerProps) throws Exception {
        Path dir = Files.createTempDirectory("vigil-kafka-");
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(dir)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "4")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "4")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("listeners", LoopbackListeners.listeners(nodes))
                .setDeleteOnClose(true);
        brokerProps.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        LoopbackListeners.rebind(cluster);
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        LOG.info("Embedded Kafka broker ready at {}", cluster.bootstrapServers());
        return new EmbeddedKafka(cluster, dir);
    }

    /** The {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The controller's {@code host:port}, for checks of where it listens. */
    public String bootstrapControllers() {
        return cluster.bootstrapControllers();
    }

    /** Creates topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Collection<NewTopic> topics) throws InterruptedException {
        try (Admin admin = cluster.admin()) {
            for (NewTopic topic : topics) {
                createIfAbsent(admin, topic);
            }
        }
    }

    /** Creates a topic with the given partitions (replication factor 1) unless it exists. */
    public void createTopic(String name, int partitions) throws InterruptedException {
        createTopics(List.of(new NewTopic(name, partitions, (short) 1)));
    }

    private static void createIfAbsent(Admin admin, NewTopic topic) throws InterruptedException {
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
            }
        }
    }

    /**
     * Stops the broker side of the node, as a crash of the broker process would look to clients; the
     * KRaft controller, the log directories and the ports are kept, so {@link #startBroker()} brings
     * the same broker back. For fault-injection tests.
     */
    public void stopBroker() {
        broker().shutdown();
        broker().awaitShutdown();
        LOG.info("Embedded Kafka broker at {} stopped (controller still up)", bootstrapServers());
    }

    /** Starts the broker stopped by {@link #stopBroker()} on the same ports and logs; waits until it serves. */
    public void startBroker() throws Exception {
        broker().startup();
        cluster.waitForReadyBrokers();
        LOG.info("Embedded Kafka broker at {} started again", bootstrapServers());
    }

    private kafka.server.BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return cluster.admin();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
        LOG.info("Embedded Kafka broker at {} stopped", baseDir);
    }
}
