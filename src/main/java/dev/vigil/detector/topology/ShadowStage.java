package dev.vigil.detector.topology;

import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.detector.features.FeatureVector;
import dev.vigil.detector.models.ShadowModels;
import dev.vigil.detector.scoring.Scored;
import dev.vigil.detector.scoring.ShadowBatch;
import dev.vigil.detector.scoring.ShadowScoring;
import dev.vigil.detector.sinks.ShadowRecords;
import dev.vigil.detector.topology.PendingCodec.Pending;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live shadow scoring of one group, hooked into its scoring processor: every batch the live model
 * scored is handed, while the group has a shadow candidate newer than the live model, to the
 * background {@link ShadowScoring}; a finished shadow batch is forwarded, on the stream thread, as
 * one {@code ShadowStats} record to the stats sink and, when enabled, one {@code ShadowVerdict} per
 * reading to the shadow sink, never to the alerts sink. A batch arriving while the background
 * thread is behind by several batches is skipped and counted; a shadow failure is counted and never reaches the live
 * path. What is forwarded is committed with the stream's transaction; a shadow batch still in flight
 * at a crash is not re-scored (its counts are lost, never doubled).
 */
final class ShadowStage implements ScoredBatchHook {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowStage.class);

    private final String group;
    private final ShadowModels shadows;
    private final ShadowScoring scoring;
    private final Targets targets;
    private final DetectorEvents events;
    private ProcessorContext<String, Object> context;
    private long failedVersion = -1;

    /**
     * The sinks shadow records go to, and how often finished batches are looked for.
     *
     * @param stats the stats sink
     * @param verdicts the per-reading sink, or null when {@code shadow.output.enabled=false}
     */
    record Targets(String stats, String verdicts, Duration interval) {}

    ShadowStage(String group, ShadowModels shadows, ShadowScoring scoring, Targets targets, DetectorEvents events) {
        this.group = group;
        this.shadows = shadows;
        this.scoring = scoring;
        this.targets = targets;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        context.schedule(targets.interval(), PunctuationType.WALL_CLOCK_TIME, now -> drain());
    }

    @Override
    public void scored(List<Pending> done, List<Scored> results) {
        drain();
        if (results.isEmpty()) {
            return;
        }
        shadows.lease(group, results.get(0).model().version()).ifPresent(lease -> {
            String shadowGroup = lease.info().group();
            if (!scoring.submit(lease, vectors(done), results)) {
                events.shadowSkipped(shadowGroup, "busy", results.size());
            }
        });
    }

    private static List<FeatureVector> vectors(List<Pending> done) {
        return done.stream().map(Pending::vector).toList();
    }

    private void drain() {
        scoring.poll().forEach(this::emit);
    }

    private void emit(ShadowBatch batch) {
        if (batch.failure() != null) {
            failed(batch);
            return;
        }
        events.shadowScored(
                batch.shadow().group(),
                batch.shadow().version(),
                batch.readings(),
                batch.shadowAnomalies(),
                batch.liveAnomalies());
        long now = context.currentSystemTimeMs();
        String key = batch.shadow().group();
        context.forward(new Record<>(key, (Object) ShadowRecords.stats(batch, now), now), targets.stats());
        if (targets.verdicts() != null) {
            for (int i = 0; i < batch.readings(); i++) {
                Scored live = batch.live().get(i);
                var verdict = ShadowRecords.verdict(batch, i);
                context.forward(
                        new Record<>(
                                live.reading().entity(),
                                (Object) verdict,
                                live.reading().timeMs()),
                        targets.verdicts());
            }
        }
    }

    private void failed(ShadowBatch batch) {
        events.shadowSkipped(batch.shadow().group(), "failed", batch.readings());
        if (failedVersion != batch.shadow().version()) {
            failedVersion = batch.shadow().version();
            LOG.warn(
                    "Shadow candidate {} failed to score a batch (further failures are only counted); live"
                            + " scoring is unaffected",
                    batch.shadow().label(),
                    batch.failure());
        }
    }

    @Override
    public void close() {
        scoring.close();
    }
}
