package dev.vigil.cli;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.trainer.publish.BundleHistory;
import dev.vigil.trainer.publish.BundlePublisher;
import dev.vigil.trainer.publish.ModelTopics;
import dev.vigil.trainer.publish.RollbackPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code vigil models} subcommands that read or write the model topics: list, publish, rollback. */
final class ModelTopicCommands {
    private ModelTopicCommands() {}

    /** Options naming the model topics. */
    static final class TopicOptions {
        @Option(
                names = "--topic",
                defaultValue = "vigil.models",
                description = "Compacted topic of current bundles (default: ${DEFAULT-VALUE}).")
        String current;

        @Option(
                names = "--history-topic",
                defaultValue = "vigil.models.history",
                description = "Append-only topic of every published bundle (default: ${DEFAULT-VALUE}).")
        String history;

        @Option(
                names = "--replication-factor",
                defaultValue = "1",
                description = "Replication of the model topics when they are created (default: ${DEFAULT-VALUE}).")
        short replication;

        ModelTopics topics() {
            return new ModelTopics(current, history);
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the versions of a group published on the model topics.")
    static final class ListVersions extends ModelsCommand.Subcommand {

        @Mixin
        KafkaClientOptions kafka = new KafkaClientOptions();

        @Mixin
        TopicOptions topicOptions = new TopicOptions();

        @Option(names = "--group", required = true, description = "Model group.")
        String group;

        @Override
        int execute() throws Exception {
            BundleHistory history = new BundleHistory(kafka.properties(), topicOptions.topics());
            List<ModelBundle> versions = history.versions(group);
            Optional<ModelBundle> current = history.current(group);
            new VersionTable(spec.commandLine().getOut()).print(versions, current);
            return 0;
        }
    }

    @Command(
            name = "publish",
            mixinStandardHelpOptions = true,
            description = "Publish a bundle file to the model topics.")
    static final class Publish extends ModelsCommand.Subcommand {

        @Mixin
        KafkaClientOptions kafka = new KafkaClientOptions();

        @Mixin
        TopicOptions topicOptions = new TopicOptions();

        @Option(names = "--in", required = true, paramLabel = "FILE", description = "Bundle file.")
        Path in;

        @Option(names = "--key", paramLabel = "KEY", description = "Sign with this key before publishing.")
        Path key;

        @Override
        int execute() throws Exception {
            ModelBundle bundle = BundleFiles.read(in);
            if (key != null) {
                bundle = BundleSigning.sign(bundle, SigningKeys.readPair(key));
            }
            try (BundlePublisher publisher =
                    new BundlePublisher(kafka.properties(), topicOptions.topics(), topicOptions.replication)) {
                var where = publisher.publish(bundle);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "published %s v%d (key %s) at offset %d%n",
                                bundle.getGroup(), bundle.getVersion(), bundle.getKeyId(), where.offset());
            }
            return 0;
        }
    }

    @Command(
            name = "rollback",
            mixinStandardHelpOptions = true,
            description = "Republish an older version (default: the one before the current) as the current one.")
    static final class Rollback extends ModelsCommand.Subcommand {

        @Mixin
        KafkaClientOptions kafka = new KafkaClientOptions();

        @Mixin
        TopicOptions topicOptions = new TopicOptions();

        @Option(names = "--group", required = true, description = "Model group.")
        String group;

        @Option(names = "--to", paramLabel = "VERSION", description = "Version to return to.")
        Long to;

        @Option(names = "--key", paramLabel = "KEY", description = "Re-sign the republished bundle with this key.")
        Path key;

        @Override
        int execute() throws Exception {
            BundleHistory history = new BundleHistory(kafka.properties(), topicOptions.topics());
            ModelBundle current = history.current(group)
                    .orElseThrow(() -> new IllegalArgumentException("no bundle of group " + group + " is published"));
            OptionalLong target = to == null ? OptionalLong.empty() : OptionalLong.of(to);
            ModelBundle rollback = RollbackPlan.choose(history.versions(group), current, target);
            if (key != null) {
                rollback = BundleSigning.sign(rollback, SigningKeys.readPair(key));
            } else {
                spec.commandLine()
                        .getErr()
                        .println(
                                "WARNING: publishing the rollback unsigned; detectors configured with a public key will refuse it");
            }
            try (BundlePublisher publisher =
                    new BundlePublisher(kafka.properties(), topicOptions.topics(), topicOptions.replication)) {
                publisher.publish(rollback);
            }
            spec.commandLine()
                    .getOut()
                    .printf("rolled %s back from v%d to v%d%n", group, current.getVersion(), rollback.getVersion());
            return 0;
        }
    }
}
