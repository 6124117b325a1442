package dev.vigil.detector.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.detector.events.DetectorEvents;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The models topic as a bundle source, against a broker that is not there. */
class ModelsTopicTest {
    @Test
    void aTopicThatCannotBeReadNamesTheBrokerItTried() throws IOException {
        String bootstrap = "127.0.0.1:" + closedPort();
        try (ModelHolder holder = new ModelHolder(
                        new BundleValidator(BundleTrust.TRUST_ALL, Set.of(), 1e-4), DetectorEvents.NOOP);
                ModelsTopic topic = new ModelsTopic(
                        Map.of("bootstrap.servers", bootstrap), "vigil.models", "g", Duration.ofSeconds(2))) {
            assertEquals(Optional.empty(), topic.openingProblem(), "nothing to report before it is opened");
            topic.open(holder);
            String problem = topic.openingProblem().orElseThrow();
            assertTrue(problem.contains("vigil.models") && problem.contains(bootstrap), problem);
            assertTrue(holder.current().isEmpty());
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
