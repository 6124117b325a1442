package dev.vigil.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.testkit.KafkaBroker;
import dev.vigil.testkit.TestBundles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production image's class path, {@code target/classes} plus {@code target/lib-runtime} (what the
 * Dockerfile copies as {@code target/lib}), proven without Docker: it holds no broker, Scala, test kit
 * or JMH; a detector forked on it loads a bundle, scores records from a real broker and exits cleanly
 * on SIGTERM; {@code train} writes a bundle for a dense, the variational and the pca variant; every
 * command's {@code --help} works; {@code demo}, {@code bench} and {@code evaluate}
 * refuse with one line and exit 2.
 */
class LeanImageTest {
    private static final Logger LOG = LoggerFactory.getLogger(LeanImageTest.class);
    private static final Path LEAN = Path.of("target", "lib-runtime");
    private static final Path CLASSES = Path.of("target", "classes");
    /** Jar name prefixes that must stay out of the production image. */
    private static final List<String> FORBIDDEN = List.of(
            "kafka_2.13",
            "scala-",
            "kafka-test-common",
            "kafka-streams-test-utils",
            "jmh-",
            "kafka-server",
            "kafka-raft",
            "kafka-metadata",
            "kafka-storage");
    /** What the detector and the trainer cannot do without. */
    private static final List<String> REQUIRED =
            List.of("kafka-streams-", "kafka-clients-", "onnxruntime-", "rocksdbjni-", "avro-", "picocli-");

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker().withProperty("group.min.session.timeout.ms", "1000");

    @TempDir
    Path dir;

    @BeforeAll
    static void leanClassPathWasBuilt() throws InterruptedException {
        assertTrue(
                Files.isDirectory(LEAN) && Files.isDirectory(CLASSES),
                LEAN + " is missing: Maven's copy-production-dependencies execution writes it at"
                        + " process-test-classes; run the test through `mvn test`");
        DetectorRig.createTopics(KAFKA.embedded());
    }

    @Test
    void leanDirectoryHoldsNoBrokerTestKitOrJmh() throws IOException {
        List<String> jars = leanJars();
        LOG.info("{} jars in {}: {}", jars.size(), LEAN, jars);
        List<String> forbidden = jars.stream()
                .filter(jar -> FORBIDDEN.stream().anyMatch(jar::startsWith))
                .toList();
        assertEquals(List.of(), forbidden, "full-build jars in the production class path");
        for (String required : REQUIRED) {
            assertTrue(jars.stream().anyMatch(jar -> jar.startsWith(required)), required + " missing: " + jars);
        }
    }

    @Test
    @Timeout(150)
    void detectorOnTheLeanClassPathScoresAndStopsOnSigterm() throws Exception {
        Path bundle = TestBundles.writeTrained(dir, 1);
        Map<String, String> props =
                DetectorRig.properties(KAFKA.embedded(), "lean", "exactly_once_v2", bundle, dir.resolve("state"));
        try (ForkedDetector detector = new ForkedDetector("lean", dir, props, leanClassPath());
                ReadingStream stream =
                        new ReadingStream(KAFKA.bootstrapServers(), DetectorRig.INPUT, 2_000, 1_000, 7)) {
            detector.startAndAwaitRunning(Duration.ofSeconds(90));
            assertTrue(detector.logText().contains(TestBundles.TRAINED_GROUP + ":1 now scores"), detector.logText());
            stream.start().awaitDone(Duration.ofSeconds(30));
            Set<String> ids = stream.ackedIds();
            try (OutputTally out = new OutputTally(KAFKA.bootstrapServers(), OutputTally.Topics.DEFAULT)) {
                out.awaitScored(ids, Duration.ofSeconds(1));
                LOG.info("lean detector: {}", out.summary(ids));
                assertEquals(2_000, ids.size(), "readings acknowledged by the broker");
                assertEquals(List.of(), out.missing(ids), "readings without a scored record");
                assertEquals(List.of(), out.deadLetters(), "dead letters");
            }
            int exit = detector.terminate(Duration.ofSeconds(40));
            assertTrue(ShutdownTest.CLEAN_EXIT.contains(exit), "exit " + exit + "\n" + detector.logText());
            assertTrue(detector.logText().contains("Detector stopped"), detector.logText());
            assertNoMissingClass(detector.logText());
            assertEquals(List.of(), detector.crashReports(), "JVM crash reports");
        }
    }

    @Test
    @Timeout(120)
    void everyCommandsHelpWorksOnTheLeanClassPath() throws Exception {
        for (String command :
                List.of("bench", "demo", "detect", "evaluate", "models", "simulate", "train", "trainer")) {
            Run run = vigil(command, "--help");
            assertEquals(0, run.exit(), command + " --help:\n" + run.output());
            assertTrue(run.output().contains("Usage: vigil " + command), run.output());
            assertNoMissingClass(run.output());
        }
    }

    /** The trainer's code paths (commons-math3 for PCA's F limit among them) run on the lean class path. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"undercomplete", "variational", "pca"})
    @Timeout(90)
    void trainWritesABundleOnTheLeanClassPath(String variant) throws Exception {
        Path csv = dir.resolve("sensor.csv");
        StringBuilder rows = new StringBuilder("timestamp,a,b,c\n");
        java.util.Random random = new java.util.Random(3);
        for (int t = 0; t < 400; t++) {
            double s = Math.sin(t * 0.1);
            rows.append(t)
                    .append(',')
                    .append(s + 0.05 * random.nextGaussian())
                    .append(',')
                    .append(2 * s + 0.05 * random.nextGaussian())
                    .append(',')
                    .append(random.nextGaussian())
                    .append('\n');
        }
        Files.writeString(csv, rows);
        Path bundle = dir.resolve(variant + ".bundle");
        Run run = vigil(
                "train", "--data", csv.toString(), "--variant", variant, "--epochs", "2", "--out", bundle.toString());
        assertEquals(0, run.exit(), run.output());
        assertNoMissingClass(run.output());
        assertTrue(Files.size(bundle) > 0, "bundle written");
    }

    @Test
    @Timeout(60)
    void fullBuildCommandsRefuseWithOneLineAndExitTwo() throws Exception {
        assertRefused(vigil("demo", "--duration", "5s"), "demo", "in-process broker");
        assertRefused(vigil("bench", "--records", "10"), "bench", "in-process broker");
        assertRefused(vigil("evaluate", "--dataset", dir.toString()), "evaluate", "Kafka Streams test driver");
    }

    private static void assertRefused(Run run, String command, String what) {
        String expected = "`vigil " + command + "` needs the full build: the production image carries no " + what
                + "; run it from a source checkout";
        assertEquals(2, run.exit(), run.output());
        assertEquals(expected, run.output().strip(), "the whole output, one line");
    }

    private static void assertNoMissingClass(String output) {
        assertFalse(output.contains("NoClassDefFoundError"), output);
        assertFalse(output.contains("ClassNotFoundException"), output);
    }

    private record Run(int exit, String output) {}

    /** Runs {@code vigil args} in a JVM on the lean class path; stdout and stderr together. */
    private Run vigil(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.vigil.contract.avro",
                "-cp",
                leanClassPath(),
                "dev.vigil.cli.VigilCommand"));
        argv.addAll(List.of(args));
        Path argFile = Files.createTempFile(dir, "vigil-", ".args");
        Files.write(
                argFile,
                argv.stream().map(a -> "\"" + a.replace("\\", "\\\\") + "\"").toList());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "@" + argFile)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "vigil " + String.join(" ", args) + " did not exit");
        return new Run(process.exitValue(), output);
    }

    private static String leanClassPath() {
        return CLASSES.toAbsolutePath() + File.pathSeparator + LEAN.toAbsolutePath() + File.separator + "*";
    }

    private static List<String> leanJars() throws IOException {
        try (Stream<Path> files = Files.list(LEAN)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }
}
