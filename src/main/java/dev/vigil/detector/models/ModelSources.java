package dev.vigil.detector.models;

import dev.vigil.contract.OnnxSafety;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.config.DetectorGroups;
import dev.vigil.detector.config.DetectorInputs;
import dev.vigil.detector.events.DetectorEvents;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The model holders (one per model group) and the bundle sources the configuration asks for. */
public final class ModelSources {
    private static final Logger LOG = LoggerFactory.getLogger(ModelSources.class);
    /** How long start-up waits for the models topic to be read to its end. */
    private static final Duration TOPIC_INITIAL_WAIT = Duration.ofSeconds(30);

    private ModelSources() {}

    /**
     * An empty holder whose validator follows {@code model.trusted.keys}, the mapping, the tolerance
     * and the {@code model.max.*} limits.
     */
    public static ModelHolder holder(DetectorConfig config, DetectorEvents events) {
        return new ModelHolder(validator(config), events);
    }

    /** The validator of {@link #holder}: trust, mapping, probe tolerance, ONNX limits, execution provider. */
    static BundleValidator validator(DetectorConfig config) {
        return new BundleValidator(
                trust(config),
                DetectorInputs.availableFeatures(config),
                config.getDouble(DetectorConfig.PROBE_TOLERANCE),
                onnxLimits(config),
                executionProvider(config));
    }

    /**
     * The provider of {@code scoring.execution.*}, checked against this ONNX Runtime build: a missing
     * CUDA provider fails here, at start-up, unless {@code scoring.execution.fallback=cpu}.
     */
    public static ExecutionProvider executionProvider(DetectorConfig config) {
        String requested = config.getString(DetectorConfig.EXECUTION_PROVIDER);
        var kind = ExecutionProvider.Kind.valueOf(requested.toUpperCase(Locale.ROOT));
        boolean fallback = config.getString(DetectorConfig.EXECUTION_FALLBACK).equals("cpu");
        try {
            var provider = ExecutionProvider.resolve(kind, config.getInt(DetectorConfig.EXECUTION_DEVICE), fallback);
            if (provider.kind() != kind) {
                LOG.warn(
                        "{}={} is not available; scoring on the CPU ({}=cpu)",
                        DetectorConfig.EXECUTION_PROVIDER,
                        requested,
                        DetectorConfig.EXECUTION_FALLBACK);
            }
            LOG.info("Scoring sessions run on {}", provider.describe());
            return provider;
        } catch (ExecutionProvider.UnavailableProviderException e) {
            throw new ConfigException(DetectorConfig.EXECUTION_PROVIDER, requested, e.getMessage());
        }
    }

    /** The ONNX size limits of {@code model.max.onnx.bytes}, {@code model.max.nodes}, {@code model.max.initializer.bytes}. */
    public static OnnxSafety.Limits onnxLimits(DetectorConfig config) {
        return new OnnxSafety.Limits(
                config.getLong(DetectorConfig.MODEL_MAX_ONNX_BYTES),
                config.getInt(DetectorConfig.MODEL_MAX_NODES),
                config.getLong(DetectorConfig.MODEL_MAX_INITIALIZER_BYTES));
    }

    /**
     * The trust policy of {@code model.trust} and {@code model.trusted.keys}.
     *
     * @throws ConfigException under {@code model.trust=signed} without keys, or if the keys cannot be read
     */
    public static BundleTrust trust(DetectorConfig config) {
        String keys = config.getString(DetectorConfig.MODEL_TRUSTED_KEYS);
        boolean signedOnly = config.getString(DetectorConfig.MODEL_TRUST).equals("signed");
        if (signedOnly && keys.isEmpty()) {
            throw new ConfigException(SignatureTrust.NO_KEYS);
        }
        try {
            return SignatureTrust.fromConfig(
                    signedOnly, keys.isEmpty() ? Optional.empty() : Optional.of(Path.of(keys)));
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(
                    DetectorConfig.MODEL_TRUSTED_KEYS, keys, "cannot read public keys: " + e.getMessage());
        }
    }

    /** A source and the holder it feeds. */
    public record Feed(BundleSource source, ModelHolder holder) {}

    /**
     * One holder per group the configuration serves ({@code model.groups}, or the one
     * {@code model.group}), each with the validator of {@link #holder}.
     */
    public static GroupModels groups(DetectorConfig config, DetectorEvents events) {
        if (!DetectorGroups.routed(config)) {
            return GroupModels.single(config.getString(DetectorConfig.MODEL_GROUP), holder(config, events));
        }
        return GroupModels.of(DetectorGroups.groups(config), group -> holder(config, events));
    }

    /**
     * The configured sources of every group, each paired with the holder it feeds, in the order they
     * are opened: those of {@link #configured} for a single group; for each group of
     * {@code model.groups}, its bundles in {@code model.dir} and its bundles on the models topic.
     */
    public static List<Feed> feeds(DetectorConfig config, GroupModels models) {
        List<Feed> feeds = new ArrayList<>();
        if (models.isSingle()) {
            configured(config).forEach(source -> feeds.add(new Feed(source, models.primary())));
            return feeds;
        }
        String dir = config.getString(DetectorConfig.MODEL_DIR);
        var interval = Duration.ofMillis(config.getLong(DetectorConfig.MODEL_POLL_MS));
        for (String group : models.groups()) {
            if (!dir.isEmpty()) {
                feeds.add(new Feed(new BundleDirectory(Path.of(dir), interval, group), models.holder(group)));
            }
            if (config.getBoolean(DetectorConfig.MODEL_TOPIC_ENABLED)) {
                feeds.add(new Feed(modelsTopic(config, group), models.holder(group)));
            }
        }
        return feeds;
    }

    /**
     * The configured sources in the order they are opened: {@code model.path}, then {@code model.dir},
     * then the models topic when {@code model.topic.enabled}.
     */
    public static List<BundleSource> configured(DetectorConfig config) {
        List<BundleSource> sources = new ArrayList<>();
        String path = config.getString(DetectorConfig.MODEL_PATH);
        if (!path.isEmpty()) {
            sources.add(new BundleFile(Path.of(path)));
        }
        String dir = config.getString(DetectorConfig.MODEL_DIR);
        if (!dir.isEmpty()) {
            sources.add(
                    new BundleDirectory(Path.of(dir), Duration.ofMillis(config.getLong(DetectorConfig.MODEL_POLL_MS))));
        }
        if (config.getBoolean(DetectorConfig.MODEL_TOPIC_ENABLED)) {
            sources.add(modelsTopic(config));
        }
        return sources;
    }

    private static ModelsTopic modelsTopic(DetectorConfig config) {
        return modelsTopic(config, config.getString(DetectorConfig.MODEL_GROUP));
    }

    private static ModelsTopic modelsTopic(DetectorConfig config, String group) {
        return new ModelsTopic(
                        client(config),
                        config.getString(DetectorConfig.MODELS_TOPIC),
                        group.isEmpty() ? null : group,
                        TOPIC_INITIAL_WAIT)
                .withHistory(config.getString(DetectorConfig.MODELS_HISTORY_TOPIC));
    }

    /** Kafka client properties of the model followers: {@code bootstrap.servers} and every {@code kafka.*} override. */
    static Map<String, Object> client(DetectorConfig config) {
        Map<String, Object> client = new HashMap<>(config.kafkaOverrides());
        client.put("bootstrap.servers", String.join(",", config.list(DetectorConfig.BOOTSTRAP_SERVERS)));
        return client;
    }
}
