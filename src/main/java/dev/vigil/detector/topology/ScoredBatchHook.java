package dev.vigil.detector.topology;

import dev.vigil.detector.scoring.Scored;
import dev.vigil.detector.topology.PendingCodec.Pending;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * What the scoring processor tells about every batch it forwarded, on the stream thread, after the
 * batch's records went on: the shadow stage listens here. A hook must not throw, and must not hold
 * the stream thread; {@link #NONE} does nothing.
 */
interface ScoredBatchHook {
    /** A hook that does nothing. */
    ScoredBatchHook NONE = new ScoredBatchHook() {};

    /** The processor was initialised with {@code context}. */
    default void init(ProcessorContext<String, Object> context) {}

    /** The records of {@code done} were scored into {@code results} (same order) and forwarded. */
    default void scored(List<Pending> done, List<Scored> results) {}

    /** The processor is closing. */
    default void close() {}
}
