package dev.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Options shared by commands that talk to Kafka: bootstrap servers and an optional client config file. */
final class KafkaClientOptions {
    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(
            names = "--client-config",
            paramLabel = "FILE",
            description = "Properties file of extra Kafka client settings (security, timeouts).")
    Path clientConfig;

    /** The client properties: the config file's settings, then {@code bootstrap.servers}. */
    Map<String, Object> properties() throws IOException {
        Map<String, Object> props = new HashMap<>();
        if (clientConfig != null) {
            Properties file = new Properties();
            try (InputStream in = Files.newInputStream(clientConfig)) {
                file.load(in);
            }
            file.forEach((k, v) -> props.put(k.toString(), v));
        }
        props.put("bootstrap.servers", bootstrap);
        return props;
    }
}
