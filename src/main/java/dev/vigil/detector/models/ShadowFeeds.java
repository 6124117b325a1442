package dev.vigil.detector.models;

import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shadow candidates of a running detector and the followers of the shadow topic that feed them
 * ({@code shadow.enabled} with {@code model.topic.enabled}): one follower per group, started without
 * waiting, since a candidate may come at any time and start-up never waits for one.
 */
public final class ShadowFeeds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowFeeds.class);

    private final ShadowModels models;
    private final List<ModelsFollower> followers;

    private ShadowFeeds(ShadowModels models, List<ModelsFollower> followers) {
        this.models = models;
        this.followers = followers;
    }

    /** Starts following the shadow topic for every group of {@code live} (each must hold a model already). */
    public static ShadowFeeds open(DetectorConfig config, GroupModels live, DetectorEvents events) {
        if (!config.getBoolean(DetectorConfig.SHADOW_ENABLED)
                || !config.getBoolean(DetectorConfig.MODEL_TOPIC_ENABLED)) {
            return new ShadowFeeds(ShadowModels.NONE, List.of());
        }
        BundleValidator validator = ModelSources.validator(config);
        ShadowModels shadows =
                ShadowModels.of(live, own -> new ModelHolder(validator, own, "Shadow candidate"), events);
        String topic = config.getString(DetectorConfig.MODELS_SHADOW_TOPIC);
        List<ModelsFollower> followers = new ArrayList<>();
        for (String group : live.groups()) {
            String followed = live.holder(group).current().map(ModelInfo::group).orElse(group);
            followers.add(new ModelsFollower(ModelSources.client(config), topic, followed, shadows::offer)
                    .onTombstone(shadows::withdraw)
                    .start());
        }
        LOG.info("Following shadow candidates of {} on {}", live.groups(), topic);
        return new ShadowFeeds(shadows, followers);
    }

    /** The shadow candidates. */
    public ShadowModels models() {
        return models;
    }

    /** Stops the followers, then drops the candidates (their sessions close once unleased). */
    @Override
    public void close() {
        for (ModelsFollower follower : followers) {
            try {
                follower.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        models.close();
    }
}
