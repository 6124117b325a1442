package dev.vigil.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.ops.EmbeddedKafka;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The broker stops and starts again mid-stream; the stream and its readers recover by themselves. */
class BrokerRestartTest {

    @Test
    @Timeout(60)
    void brokerRestartedMidStreamKeepsEveryAcknowledgedRecord() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            DetectorRig.createTopics(kafka);
            String before = kafka.bootstrapServers();
            try (ReadingStream stream = new ReadingStream(before, DetectorRig.INPUT, 600, 200, 1).start()) {
                Thread.sleep(1_000);
                kafka.stopBroker();
                Thread.sleep(2_000);
                kafka.startBroker();
                stream.awaitDone(Duration.ofSeconds(40));
                assertEquals(before, kafka.bootstrapServers());
                assertEquals(600, stream.ackedIds().size());
                assertEquals(expectedIds(600), InputReader.ids(kafka.bootstrapServers(), DetectorRig.INPUT, 600));
            }
        }
    }

    private static Set<String> expectedIds(int total) {
        return IntStream.range(0, total).mapToObj(ReadingStream::id).collect(Collectors.toSet());
    }
}
