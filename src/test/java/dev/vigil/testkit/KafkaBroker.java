package dev.vigil.testkit;

import dev.vigil.ops.EmbeddedKafka;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process KRaft broker ({@link EmbeddedKafka}) per test class, as a JUnit 5 extension:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBroker KAFKA = new KafkaBroker().withTopic("in", 2);
 * }</pre>
 *
 * The broker starts before the class's {@code @BeforeAll} methods, with the topics named here, and
 * is closed after its {@code @AfterAll} methods. Register it in a static field: only then does
 * JUnit call it around the whole class.
 */
public final class KafkaBroker implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, Object> brokerProps = new HashMap<>();
    private final List<NewTopic> topics = new ArrayList<>();
    private EmbeddedKafka kafka;

    /** This broker started with the extra broker property {@code name=value}. */
    public KafkaBroker withProperty(String name, Object value) {
        brokerProps.put(name, value);
        return this;
    }

    /** This broker with topic {@code name} of {@code partitions} partitions (replication 1) created at start. */
    public KafkaBroker withTopic(String name, int partitions) {
        topics.add(new NewTopic(name, partitions, (short) 1));
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kafka = EmbeddedKafka.start(brokerProps);
        kafka.createTopics(topics);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** The running broker, for code that takes an {@link EmbeddedKafka}; the extension closes it. */
    public EmbeddedKafka embedded() {
        if (kafka == null) {
            throw new IllegalStateException("no broker: register KafkaBroker in a static @RegisterExtension field");
        }
        return kafka;
    }

    /** The {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return embedded().bootstrapServers();
    }

    /** Creates a topic (replication factor 1) unless it exists. */
    public void createTopic(String name, int partitions) throws InterruptedException {
        embedded().createTopic(name, partitions);
    }

    /** Creates topics that do not exist yet. */
    public void createTopics(Collection<NewTopic> newTopics) throws InterruptedException {
        embedded().createTopics(newTopics);
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return embedded().admin();
    }
}
