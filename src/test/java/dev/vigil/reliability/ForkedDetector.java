package dev.vigil.reliability;

import dev.vigil.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector as a separate JVM ({@code vigil detect --config FILE}) that a test can kill with
 * SIGKILL or stop with SIGTERM. The JVM is started from an {@code @argfile} holding the test
 * classpath (ONNX Runtime crashes at native load with very long command lines); its stdout and
 * stderr go to files in {@code workDir}; Kafka Streams state transitions are logged so readiness
 * is seen in the log.
 */
final class ForkedDetector implements AutoCloseable {
    /** Logged by Kafka Streams when the instance has its partitions and processes them. */
    static final String RUNNING = "State transition from REBALANCING to RUNNING";

    private static final Logger LOG = LoggerFactory.getLogger(ForkedDetector.class);
    private static final String LOGBACK =
            """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="org.apache.kafka" level="WARN"/>
              <logger name="org.apache.kafka.streams.KafkaStreams" level="INFO"/>
              <logger name="dev.vigil" level="INFO"/>
              <root level="WARN"><appender-ref ref="OUT"/></root>
            </configuration>
            """;

    private final String name;
    private final Path workDir;
    private final Map<String, String> config;
    private final String classPath;
    private final List<String> extraArgs;
    private Process process;
    private int starts;

    /**
     * @param name names the files of this instance in {@code workDir}
     * @param config detector properties, written to a file for {@code --config}
     */
    ForkedDetector(String name, Path workDir, Map<String, String> config) {
        this(name, workDir, config, List.of());
    }

    /** @param extraArgs more arguments of {@code vigil detect}, e.g. {@code --metrics-port 0} */
    ForkedDetector(String name, Path workDir, Map<String, String> config, List<String> extraArgs) {
        this(name, workDir, config, System.getProperty("java.class.path"), extraArgs);
    }

    /** @param classPath the forked JVM's class path, e.g. the production image's lean one */
    ForkedDetector(String name, Path workDir, Map<String, String> config, String classPath) {
        this(name, workDir, config, classPath, List.of());
    }

    private ForkedDetector(
            String name, Path workDir, Map<String, String> config, String classPath, List<String> extraArgs) {
        this.name = name;
        this.workDir = workDir;
        this.config = Map.copyOf(config);
        this.classPath = classPath;
        this.extraArgs = List.copyOf(extraArgs);
    }

    /** Starts the JVM; each start logs to a fresh {@code name-N.log}. */
    ForkedDetector start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        starts++;
        Path argFile = writeArgFile(writeConfig());
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "@" + argFile)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log().toFile());
        process = builder.start();
        LOG.info("started detector {} (pid {}), log {}", name, process.pid(), log());
        return this;
    }

    /** Starts the JVM and waits until Kafka Streams runs. */
    ForkedDetector startAndAwaitRunning(Duration timeout) throws IOException, InterruptedException {
        return start().awaitLog(RUNNING, timeout);
    }

    /** Waits until this start's log contains {@code text}; fails if the JVM exits first or time runs out. */
    ForkedDetector awaitLog(String text, Duration timeout) throws InterruptedException {
        return awaitAnyLog(List.of(text), timeout);
    }

    /** Waits until this start's log contains one of {@code texts}; fails if the JVM exits first or time runs out. */
    ForkedDetector awaitAnyLog(List<String> texts, Duration timeout) throws InterruptedException {
        String text = String.join("' or '", texts);
        if (!Await.upTo(timeout).holds(() -> texts.stream().anyMatch(logText()::contains) || !process.isAlive())) {
            throw new IllegalStateException(
                    name + " did not log '" + text + "' within " + timeout + "; log:\n" + tail());
        }
        if (texts.stream().noneMatch(logText()::contains)) {
            throw new IllegalStateException(
                    name + " exited with " + process.exitValue() + " before logging '" + text + "'; log:\n" + tail());
        }
        return this;
    }

    /** Waits until this start's log contains {@code text} at least {@code times} times. */
    ForkedDetector awaitLogCount(String text, int times, Duration timeout) throws InterruptedException {
        Await.upTo(timeout).holds(() -> count(logText(), text) >= times || !process.isAlive());
        if (count(logText(), text) < times) {
            throw new IllegalStateException(
                    name + " did not log '" + text + "' " + times + " times within " + timeout + "; log:\n" + tail());
        }
        return this;
    }

    /** How often {@code text} occurs in {@code log}. */
    static int count(String log, String text) {
        int count = 0;
        for (int at = log.indexOf(text); at >= 0; at = log.indexOf(text, at + text.length())) {
            count++;
        }
        return count;
    }

    /** SIGKILL: the JVM dies at once, without shutdown hooks. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        LOG.info("killed detector {} (pid {})", name, process.pid());
    }

    /** SIGTERM: shutdown hooks run; returns the exit code, or -1 if it did not exit within {@code timeout}. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        LOG.info("detector {} exited with {} after SIGTERM", name, process.exitValue());
        return process.exitValue();
    }

    /** Waits up to {@code timeout} for the JVM to exit by itself; its exit code, or -1 if it still runs. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The log of the latest start. */
    Path log() {
        return workDir.resolve(name + "-" + starts + ".log");
    }

    /** The text of the latest start's log. */
    String logText() {
        try {
            return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JVM crash reports ({@code hs_err_pid*.log}) written in the working directory. */
    List<Path> crashReports() throws IOException {
        try (Stream<Path> files = Files.list(workDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid"))
                    .toList();
        }
    }

    private String tail() {
        String text = logText();
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    private Path writeConfig() throws IOException {
        Properties props = new Properties();
        props.putAll(config);
        Path file = workDir.resolve(name + ".properties");
        try (var out = Files.newBufferedWriter(file)) {
            props.store(out, "detector " + name);
        }
        return file;
    }

    private Path writeArgFile(Path configFile) throws IOException {
        Path logback = workDir.resolve("logback-forked.xml");
        Files.writeString(logback, LOGBACK);
        List<String> args = new java.util.ArrayList<>(List.of(
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:ErrorFile=" + workDir.resolve("hs_err_pid%p.log"),
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.vigil.contract.avro",
                "-Dlogback.configurationFile=" + logback,
                "-cp",
                classPath,
                "dev.vigil.cli.VigilCommand",
                "detect",
                "--config",
                configFile.toString()));
        args.addAll(extraArgs);
        Path file = workDir.resolve(name + ".args");
        Files.write(file, args.stream().map(ForkedDetector::quoted).toList());
        return file;
    }

    private static String quoted(String arg) {
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            kill();
        }
    }
}
