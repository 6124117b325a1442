package dev.vigil.detector.sinks;

import dev.vigil.contract.avro.ShadowStats;
import dev.vigil.contract.avro.ShadowVerdict;
import dev.vigil.detector.scoring.Scored;
import dev.vigil.detector.scoring.ShadowBatch;
import java.time.Instant;

/** The records a shadow-scored batch leaves as: its counts, and optionally one verdict per reading. */
public final class ShadowRecords {
    private ShadowRecords() {}

    /** The batch's counts, for {@code vigil.shadow.stats} (keyed by the shadow's group). */
    public static ShadowStats stats(ShadowBatch batch, long scoredAtMs) {
        return ShadowStats.newBuilder()
                .setGroup(batch.shadow().group())
                .setShadowVersion(batch.shadow().version())
                .setLiveVersion(batch.liveVersion())
                .setReadings(batch.readings())
                .setShadowAnomalous(batch.shadowAnomalies())
                .setLiveAnomalous(batch.liveAnomalies())
                .setScoredAt(Instant.ofEpochMilli(scoredAtMs))
                .build();
    }

    /** Reading {@code i} of the batch as both models see it, for {@code vigil.shadow} (keyed by entity). */
    public static ShadowVerdict verdict(ShadowBatch batch, int i) {
        Scored live = batch.live().get(i);
        return ShadowVerdict.newBuilder()
                .setEntity(live.reading().entity())
                .setTimestamp(Instant.ofEpochMilli(live.reading().timeMs()))
                .setGroup(batch.shadow().group())
                .setShadowVersion(batch.shadow().version())
                .setShadowScore(batch.shadowScores()[i])
                .setShadowThreshold(batch.shadow().anomalyThreshold())
                .setShadowAnomalous(batch.shadowAnomalous(i))
                .setLiveVersion(live.model().version())
                .setLiveScore(live.score())
                .setLiveThreshold(live.model().anomalyThreshold())
                .setLiveAnomalous(batch.liveAnomalous(i))
                .build();
    }
}
