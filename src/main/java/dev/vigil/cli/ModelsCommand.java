package dev.vigil.cli;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.BundleVerifier;
import dev.vigil.contract.SignatureCheck;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil models}: keys and signatures of bundle files here; the subcommands that work on the
 * model topics are in {@link ModelTopicCommands}.
 */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Import, sign, verify, list, publish and roll back model bundles.",
        subcommands = {
            ModelsCommand.Keygen.class,
            ModelsCommand.Sign.class,
            ModelsCommand.Verify.class,
            ModelImportCommand.class,
            ModelTopicCommands.ListVersions.class,
            ModelTopicCommands.Publish.class,
            ModelTopicCommands.Rollback.class
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
                return ExitCodes.FAILURE;
            }
        }

        abstract int execute() throws Exception;
    }

    @Command(
            name = "keygen",
            mixinStandardHelpOptions = true,
            description = "Create an Ed25519 signing key and its public key in a directory.")
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

    @Command(name = "sign", mixinStandardHelpOptions = true, description = "Sign a bundle file.")
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

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Check a bundle file's sha256 and signature; exit 1 if refused.")
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
}
