package dev.vigil.detector.models;

import dev.vigil.contract.avro.ModelBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of {@code *.bundle} files ({@code model.dir}): every readable bundle is offered, oldest
 * version first, so the newest valid one ends up in service; then the directory is polled every
 * {@code interval} for bundles newer than the one in service. Unreadable files are skipped with a
 * warning.
 */
public final class BundleDirectory implements BundleSource {
    private static final Logger LOG = LoggerFactory.getLogger(BundleDirectory.class);

    private final Path dir;
    private final Duration interval;
    private final String group;
    private ScheduledExecutorService poller;

    /** Every bundle in {@code dir}, whatever its group. */
    public BundleDirectory(Path dir, Duration interval) {
        this(dir, interval, null);
    }

    /** The bundles of {@code group} in {@code dir} (null = of every group): one group of {@code model.groups}. */
    public BundleDirectory(Path dir, Duration interval, String group) {
        this.dir = dir;
        this.interval = interval;
        this.group = group;
    }

    @Override
    public void open(ModelHolder holder) {
        ofGroup(bundlesIn(dir)).forEach(holder::offer);
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "vigil-model-dir");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        poller.scheduleWithFixedDelay(() -> offerNewer(holder), millis, millis, TimeUnit.MILLISECONDS);
    }

    private void offerNewer(ModelHolder holder) {
        long current = holder.current().map(ModelInfo::version).orElse(Long.MIN_VALUE);
        ofGroup(bundlesIn(dir)).stream()
                .filter(bundle -> bundle.getVersion() > current)
                .forEach(holder::offer);
    }

    private List<ModelBundle> ofGroup(List<ModelBundle> bundles) {
        return group == null
                ? bundles
                : bundles.stream().filter(b -> group.equals(b.getGroup())).toList();
    }

    /** The bundles in {@code dir} that can be read, by ascending version. */
    public static List<ModelBundle> bundlesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".bundle"))
                    .flatMap(BundleDirectory::readQuietly)
                    .sorted(Comparator.comparingLong(ModelBundle::getVersion))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Stream<ModelBundle> readQuietly(Path file) {
        try {
            return Stream.of(BundleFile.read(file));
        } catch (UncheckedIOException e) {
            LOG.warn("Skipping unreadable bundle file {}: {}", file, e.getMessage());
            return Stream.empty();
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
