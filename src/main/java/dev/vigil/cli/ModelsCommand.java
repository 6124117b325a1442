package dev.vigil.cli;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.BundleVerifier;
import dev.vigil.contract.SignatureCheck;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.trainer.publish.BundleHistory;
import dev.vigil.trainer.publish.BundlePublisher;
import dev.vigil.trainer.publish.ModelTopics;
import dev.vigil.trainer.publish.RollbackPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil models}: keys, signatures and the model topics. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Sign, verify, list, publish and roll back model bundles.",
        subcommands = {
            ModelsCommand.Keygen.class,
            ModelsCommand.Sign.class,
            ModelsCommand.Verify.class,
            ModelsCommand.ListVersions.class,
            ModelsCommand.Publish.class,
            ModelsCommand.Rollback.class
        })
public final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand.");
    }

    /**
     * A models subcommand: an expected failure (bad file, unknown version, broker refusal) prints one
     * line naming the subcommand and exits 1 instead of a stack trace.
     */
    @Command
    abstract static class Subcommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() throws Exception {
            try {
                return execute();
            } catch (java.io.IOException | IllegalArgumentException | IllegalStateException e) {
                spec.commandLine().getErr().printf("vigil models %s: %s%n", spec.name(), e.getMessage());
                return 1;
            }
        }

        abstract int execute() throws Exception;
    }

    /** Options naming the model topics. */
    static final class TopicOptions {
        @Option(names = "--topic", defaultValue = "vigil.models", description = "Compacted topic of current bundles.")
        String current;

        @Option(
                names = "--history-topic",
                defaultValue = "vigil.models.history",
                description = "Append-only topic of every published bundle.")
        String history;

        @Option(
                names = "--replication-factor",
                defaultValue = "1",
                description = "Replication of the model topics when they are created.")
        short replication;

        ModelTopics topics() {
            return new ModelTopics(current, history);
        }
    }

    @Command(name = "keygen", description = "Create an Ed25519 signing key and its public key in a directory.")
    static final class Keygen extends Subcommand {

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the key files.")
        Path out;

        @Override
        int execute() throws Exception {
            KeyPair pair = SigningKeys.generate();
            SigningKeys.writePair(pair, out);
            PrintWriter printer = spec.commandLine().getOut();
            printer.printf("key id %s%n", SigningKeys.keyId(pair.getPublic()));
            printer.printf("signing key %s (keep secret)%n", out.resolve(SigningKeys.PRIVATE_FILE));
            printer.printf("public key  %s (give to detectors)%n", out.resolve(SigningKeys.PUBLIC_FILE));
            return 0;
        }
    }

    @Command(name = "sign", description = "Sign a bundle file.")
    static final class Sign extends Subcommand {

        @Option(names = "--key", required = true, paramLabel = "KEY", description = "Signing key file.")
        Path key;

        @Option(names = "--in", required = true, paramLabel = "FILE", description = "Bundle file to sign.")
        Path in;

        @Option(names = "--out", paramLabel = "FILE", description = "Signed bundle (default: overwrite --in).")
        Path out;

        @Override
        int execute() throws Exception {
            ModelBundle signed = BundleSigning.sign(BundleFiles.read(in), SigningKeys.readPair(key));
            Path target = out == null ? in : out;
            BundleFiles.write(signed, target);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "signed %s v%d with key %s -> %s%n",
                            signed.getGroup(), signed.getVersion(), signed.getKeyId(), target);
            return 0;
        }
    }

    @Command(name = "verify", description = "Check a bundle file's sha256 and signature; exit 1 if refused.")
    static final class Verify extends Subcommand {

        @Option(names = "--pub", required = true, paramLabel = "PUB", description = "Public key file (trusted keys).")
        Path pub;

        @Option(names = "--in", required = true, paramLabel = "FILE", description = "Bundle file.")
        Path in;

        @Override
        int execute() throws Exception {
            BundleVerifier verifier = BundleVerifier.trusting(SigningKeys.readPublicKeys(pub));
            SignatureCheck check = verifier.check(BundleFiles.read(in));
            PrintWriter printer = check.valid()
                    ? spec.commandLine().getOut()
                    : spec.commandLine().getErr();
            printer.printf("%s: %s%n", check.status(), check.message());
            return check.valid() ? 0 : 1;
        }
    }

    @Command(name = "list", description = "List the versions of a group published on the model topics.")
    static final class ListVersions extends Subcommand {

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

    @Command(name = "publish", description = "Publish a bundle file to the model topics.")
    static final class Publish extends Subcommand {

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
            description = "Republish an older version (default: the one before the current) as the current one.")
    static final class Rollback extends Subcommand {

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
