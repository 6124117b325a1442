package dev.vigil.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ThroughputRunTest {
    @Test
    void rateCountsRecordsAfterTheSkippedOnesOverTheirSpan() {
        long[] arrivals = {0, 5_000_000_000L, 5_500_000_000L, 6_000_000_000L, 6_500_000_000L, 7_000_000_000L};
        assertEquals(4 / 2.0, ThroughputRun.rate(arrivals, 1), 1e-9, "4 records in the 2 s after the skipped one");
    }

    @Test
    void outputSeenInTooFewTransactionsIsNotTimed() {
        long[] oneBurst = {0, 10, 10, 10, 10, 10, 10};
        assertThrows(IllegalStateException.class, () -> ThroughputRun.rate(oneBurst, 1));
    }

    @Test
    void skippingEveryRecordIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ThroughputRun.rate(new long[3], 2));
    }
}
