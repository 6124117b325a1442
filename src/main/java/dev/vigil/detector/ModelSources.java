package dev.vigil.detector;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.scoring.BundleRefusedException;
import dev.vigil.detector.scoring.BundleTrust;
import dev.vigil.detector.scoring.BundleValidator;
import dev.vigil.detector.scoring.ModelHolder;
import dev.vigil.detector.scoring.SignatureTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the model holder from the configuration and loads bundles from files and directories. */
public final class ModelSources {
    private static final Logger LOG = LoggerFactory.getLogger(ModelSources.class);

    private ModelSources() {}

    /** An empty holder whose validator follows {@code model.trusted.keys}, the mapping and the tolerance. */
    public static ModelHolder holder(DetectorConfig config, DetectorEvents events) {
        var validator = new BundleValidator(
                trust(config),
                DetectorInputs.availableFeatures(config),
                config.getDouble(DetectorConfig.PROBE_TOLERANCE));
        return new ModelHolder(validator, events);
    }

    /** The trust policy: Ed25519 keys from {@code model.trusted.keys}, or trust-all with a loud warning. */
    public static BundleTrust trust(DetectorConfig config) {
        String keys = config.getString(DetectorConfig.MODEL_TRUSTED_KEYS);
        try {
            return SignatureTrust.fromConfig(keys.isEmpty() ? Optional.empty() : Optional.of(Path.of(keys)));
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(
                    DetectorConfig.MODEL_TRUSTED_KEYS, keys, "cannot read public keys: " + e.getMessage());
        }
    }

    /**
     * Loads {@code model.path} (must validate) and every bundle in {@code model.dir}, oldest version
     * first, so the newest valid one ends up in service.
     */
    public static void loadConfigured(DetectorConfig config, ModelHolder holder) throws BundleRefusedException {
        String path = config.getString(DetectorConfig.MODEL_PATH);
        if (!path.isEmpty()) {
            holder.apply(read(Path.of(path)));
        }
        String dir = config.getString(DetectorConfig.MODEL_DIR);
        if (!dir.isEmpty()) {
            bundlesIn(Path.of(dir)).forEach(holder::offer);
        }
    }

    /** The bundles in {@code dir} that can be read, by ascending version. */
    public static List<ModelBundle> bundlesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".bundle"))
                    .flatMap(ModelSources::readQuietly)
                    .sorted(Comparator.comparingLong(ModelBundle::getVersion))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Stream<ModelBundle> readQuietly(Path file) {
        try {
            return Stream.of(read(file));
        } catch (UncheckedIOException e) {
            LOG.warn("Skipping unreadable bundle file {}: {}", file, e.getMessage());
            return Stream.empty();
        }
    }

    private static ModelBundle read(Path file) {
        try {
            return BundleFiles.read(file);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read bundle " + file + ": " + e.getMessage(), e));
        }
    }
}
