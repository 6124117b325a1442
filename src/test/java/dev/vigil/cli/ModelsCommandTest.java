package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.BundleVerifier;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.testkit.KafkaBroker;
import dev.vigil.testkit.TestBundles;
import dev.vigil.trainer.publish.BundleHistory;
import dev.vigil.trainer.publish.ModelTopics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cli = VigilCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path bundleFile(String group, long version) throws Exception {
        Path file = dir.resolve(group + "-v" + version + ".bundle");
        BundleFiles.write(TestBundles.random(group, version, version), file);
        return file;
    }

    @Test
    void keygenSignVerifyAcceptsTheSignedFileAndRefusesTheUnsignedOne() throws Exception {
        Path unsigned = bundleFile("pumps", 1);
        Path signed = dir.resolve("signed.bundle");
        assertEquals(0, run("models", "keygen", "--out", dir.resolve("keys").toString()));
        String key = dir.resolve("keys").resolve(SigningKeys.PRIVATE_FILE).toString();
        String pub = dir.resolve("keys").resolve(SigningKeys.PUBLIC_FILE).toString();

        assertEquals(0, run("models", "sign", "--key", key, "--in", unsigned.toString(), "--out", signed.toString()));
        assertEquals(0, run("models", "verify", "--pub", pub, "--in", signed.toString()), err.toString());
        assertEquals(1, run("models", "verify", "--pub", pub, "--in", unsigned.toString()));
        assertTrue(err.toString().contains("UNSIGNED"), err.toString());
    }

    @Test
    void publishedVersionsAreListedAndRollbackMakesTheOlderOneCurrent() throws Exception {
        String bootstrap = KAFKA.bootstrapServers();
        assertEquals(0, run("models", "keygen", "--out", dir.resolve("keys").toString()));
        String key = dir.resolve("keys").resolve(SigningKeys.PRIVATE_FILE).toString();
        assertEquals(
                0,
                run(
                        "models",
                        "publish",
                        "--bootstrap",
                        bootstrap,
                        "--in",
                        bundleFile("fans", 1).toString(),
                        "--key",
                        key),
                err.toString());
        assertEquals(
                0,
                run(
                        "models",
                        "publish",
                        "--bootstrap",
                        bootstrap,
                        "--in",
                        bundleFile("fans", 2).toString(),
                        "--key",
                        key),
                err.toString());
        BundleHistory freshReader = new BundleHistory(Map.of("bootstrap.servers", bootstrap), ModelTopics.DEFAULT);
        assertEquals(2L, freshReader.current("fans").orElseThrow().getVersion());

        assertEquals(0, run("models", "list", "--bootstrap", bootstrap, "--group", "fans"), err.toString());
        assertTrue(out.toString().matches("(?s).*\\s1\\s+undercomplete.*\\*\\s+2\\s+undercomplete.*"), out.toString());

        assertEquals(
                0,
                run("models", "rollback", "--bootstrap", bootstrap, "--group", "fans", "--key", key),
                err.toString());
        ModelBundle current = freshReader.current("fans").orElseThrow();
        assertEquals(1L, current.getVersion());
        assertTrue(current.getRollback());
        var verifier = BundleVerifier.trusting(
                SigningKeys.readPublicKeys(dir.resolve("keys").resolve(SigningKeys.PUBLIC_FILE)));
        assertTrue(verifier.test(current), verifier.check(current).message());
        assertEquals(
                List.of(1L, 2L, 1L),
                freshReader.versions("fans").stream()
                        .map(ModelBundle::getVersion)
                        .toList());
    }

    @Test
    void publishingCreatesACompactedCurrentTopicAndAnAppendOnlyHistory() throws Exception {
        assertEquals(
                0,
                run(
                        "models",
                        "publish",
                        "--bootstrap",
                        KAFKA.bootstrapServers(),
                        "--topic",
                        "m.current",
                        "--history-topic",
                        "m.history",
                        "--in",
                        bundleFile("cfg", 1).toString()));

        try (var admin = KAFKA.admin()) {
            var current = new ConfigResource(ConfigResource.Type.TOPIC, "m.current");
            var history = new ConfigResource(ConfigResource.Type.TOPIC, "m.history");
            var configs = admin.describeConfigs(List.of(current, history)).all().get();
            assertEquals("compact", configs.get(current).get("cleanup.policy").value());
            assertEquals("delete", configs.get(history).get("cleanup.policy").value());
            assertEquals("-1", configs.get(history).get("retention.ms").value());
        }
    }

    @Test
    void rollbackWithoutAnOlderVersionFailsWithAReason() throws Exception {
        String bootstrap = KAFKA.bootstrapServers();
        assertEquals(
                0,
                run(
                        "models",
                        "publish",
                        "--bootstrap",
                        bootstrap,
                        "--in",
                        bundleFile("solo", 1).toString()));

        assertEquals(1, run("models", "rollback", "--bootstrap", bootstrap, "--group", "solo"));
        assertTrue(err.toString().contains("no version of solo older than v1"), err.toString());
        assertTrue(err.toString().startsWith("vigil models rollback: "), err.toString());
        assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
    }
}
