package dev.vigil.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaBrokerTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker().withTopic("declared", 2);

    @Test
    void theBrokerRunsWithTheDeclaredTopicsAndCreatesMoreOnRequest() throws Exception {
        KAFKA.createTopic("later", 1);
        try (var admin = KAFKA.admin()) {
            Set<String> names = admin.listTopics().names().get();
            assertTrue(names.containsAll(Set.of("declared", "later")), names.toString());
        }
        assertTrue(KAFKA.bootstrapServers().contains(":"), KAFKA.bootstrapServers());
    }
}
