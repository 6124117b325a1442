package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {
    @Test
    void theDemoCreatesTheModelTopicsFor16MiBBundles() {
        Map<String, Map<String, String>> configs = DemoSettings.topics(2).stream()
                .collect(Collectors.toMap(NewTopic::name, t -> t.configs() == null ? Map.of() : t.configs()));
        assertEquals("16777216", configs.get("vigil.models").get("max.message.bytes"));
        assertEquals("compact", configs.get("vigil.models").get("cleanup.policy"));
        assertEquals("16777216", configs.get("vigil.models.history").get("max.message.bytes"));
        assertEquals(7, configs.size(), "readings, scored, alerts, feedback, dlq and the two model topics");
    }
}
