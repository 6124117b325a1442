package dev.vigil.detector.decision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.contract.ScoreTail;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EntityStateCodecTest {
    private final EntityStateCodec codec = new EntityStateCodec(0.99, new AlertTracker(new AlertRules(2, 3, 2, 0, 1)));

    @Test
    void theSmoothedScoreSurvivesARoundTrip() {
        EntityState state = codec.fresh();
        ScoreSmoothing span3 = new ScoreSmoothing(3);
        state.smoothed().update(4.0, "pumps", 7, span3);
        EntityState read = codec.decode(codec.encode(state));
        assertEquals(3.0, read.smoothed().update(2.0, "pumps", 7, span3), 1e-12, "continues from 4: (4 + 2) / 2");
    }

    @Test
    void aStateWrittenBeforeScoreSmoothingIsReadWithAFreshSmoothedScore() {
        EntityState state = codec.fresh();
        state.alert().open = true;
        state.smoothed().update(4.0, "pumps", 7, new ScoreSmoothing(3));
        byte[] bytes = codec.encode(state);
        int thresholds = 2 + Long.BYTES + 1; // format 3's block of a fresh state: no group, no version, no tail
        int suffix = Double.BYTES + 1 + 2 + "pumps".length() + Long.BYTES + thresholds;
        byte[] formatOne = Arrays.copyOf(bytes, bytes.length - suffix);
        ByteBuffer.wrap(formatOne).putInt(0, 1);
        EntityState read = codec.decode(formatOne);
        assertTrue(read.alert().isOpen());
        assertFalse(read.smoothed().started);
        assertEquals(2.0, read.smoothed().update(2.0, "pumps", 7, new ScoreSmoothing(3)), 1e-12);
    }

    @Test
    void anEntitysTailAndItsModelSurviveARoundTrip() {
        EntityState state = codec.fresh();
        ThresholdState thresholds = state.thresholds();
        thresholds.modelGroup = "pumps";
        thresholds.modelVersion = 7;
        thresholds.tail = TailState.from(
                new ScoreTail(20, 0.5, 1000, new double[] {0.1, 0.4, 0.2, 0.3, 0.9}, new double[] {1, 2}), 128);
        thresholds.tail.learn(0.5, 10);
        thresholds.tail.learn(12, 10);
        EntityState read = codec.decode(codec.encode(state));
        assertEquals(7, read.thresholds().modelVersion());
        assertEquals("pumps", read.thresholds().modelGroup);
        TailState tail = read.thresholds().tail();
        assertEquals(thresholds.tail.threshold(1e-3), tail.threshold(1e-3), 1e-12);
        assertEquals(6, tail.peaks(), "five from the bundle, one censored");
        assertEquals(1002, tail.count());
        assertEquals(thresholds.tail.levelOnScore(), tail.levelOnScore(), 1e-12);
    }

    @Test
    void theFeedbackFloorAndTheScoreHistorySurviveARoundTrip() {
        EntityState state = codec.fresh();
        state.thresholds().raiseFloor(3.5);
        state.history().scoredBy("pumps", 7);
        state.history().record(1000, 0.1, true, 0.5);
        state.history().record(2000, 2.0, false, 0.5);
        state.history().record(3000, 0.9, true, 0.5);
        EntityState read = codec.decode(codec.encode(state));
        assertEquals(3.5, read.thresholds().floor());
        assertEquals(3000, read.history().clock());
        read.history().scoredBy("pumps", 7);
        assertEquals(2, read.history().size(), "the learned score below the exit threshold is not kept");
        ScoreHistory.Stretch stretch = read.history().take(0, 5000);
        assertEquals(2.0, stretch.maxScore());
        assertArrayEquals(new double[] {2.0}, stretch.unlearned());
    }

    @Test
    void aFullHistoryTakesTwoBytesATimeAndEightAScore() {
        EntityState state = codec.fresh();
        state.history().scoredBy("pumps", 7);
        int empty = codec.encode(state).length;
        for (int i = 0; i < EntityState.HISTORY; i++) {
            state.history().record(1_700_000_000_000L + 2_000L * i, i + 1, i % 3 == 0, 0);
        }
        int bits = EntityState.HISTORY / Byte.SIZE;
        int firstTime = 6; // 1.7e12 ms, zigzagged: 42 bits
        int count = 1; // 128 takes a second byte
        assertEquals(
                empty + count + firstTime + 2 * (EntityState.HISTORY - 1) + Double.BYTES * EntityState.HISTORY + bits,
                codec.encode(state).length);
    }

    @Test
    void aHistoryOfTheFixedSizeFormatIsStillRead() throws Exception {
        EntityState state = codec.fresh();
        state.history().scoredBy("pumps", 7);
        byte[] empty = codec.encode(state);
        var bytes = new java.io.ByteArrayOutputStream();
        var out = new java.io.DataOutputStream(bytes);
        out.write(empty, 0, empty.length - 1); // up to the count of the empty history
        out.writeInt(2);
        out.writeLong(-5_000);
        out.writeDouble(4.5);
        out.writeBoolean(false);
        out.writeLong(7_000);
        out.writeDouble(1.25);
        out.writeBoolean(true);
        byte[] formatFour = bytes.toByteArray();
        ByteBuffer.wrap(formatFour).putInt(0, 4);
        ScoreHistory read = codec.decode(formatFour).history();
        read.scoredBy("pumps", 7);
        assertEquals(2, read.size());
        ScoreHistory.Stretch stretch = read.take(-10_000, 10_000);
        assertEquals(4.5, stretch.maxScore());
        assertArrayEquals(new double[] {4.5}, stretch.unlearned(), "the second was learned");
    }

    @Test
    void aHistoryCountLargerThanItsBytesIsCorruptNotAnAllocation() {
        byte[] empty = codec.encode(codec.fresh());
        byte[] corrupt = Arrays.copyOf(empty, empty.length + 3);
        byte[] count = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F}; // 2^25 - 1 readings
        System.arraycopy(count, 0, corrupt, empty.length - 1, count.length);
        var e = assertThrows(java.io.UncheckedIOException.class, () -> codec.decode(corrupt));
        assertTrue(e.getCause().getMessage().contains("score history of 33554431 readings"), e.getMessage());
    }

    @Test
    void historyTimesOutOfOrderAndFarApartSurviveARoundTrip() {
        EntityState state = codec.fresh();
        long[] times = {Long.MAX_VALUE - 1, 0, -3, Long.MIN_VALUE + 1, 12, 11};
        for (int i = 0; i < times.length; i++) {
            state.history().record(times[i], 10 + i, i % 2 == 0, 0);
        }
        ScoreHistory read = codec.decode(codec.encode(state)).history();
        for (int i = 0; i < times.length; i++) {
            ScoreHistory.Stretch one = read.take(times[i], times[i]);
            assertEquals(1, one.readings(), "time " + times[i]);
            assertEquals(10 + i, one.maxScore());
            assertEquals(i % 2 == 0 ? 0 : 1, one.unlearned().length, "learned flag of " + times[i]);
        }
    }

    @Test
    void aLongerHistoryThanTheBoundKeepsTheNewestReadings() {
        EntityState state = codec.fresh();
        for (int i = 0; i < 100; i++) {
            state.history().record(i, i, false, 0);
        }
        var small = new EntityStateCodec(0.99, new AlertTracker(new AlertRules(2, 3, 2, 0, 1)), 128, 10);
        EntityState read = small.decode(codec.encode(state));
        assertEquals(10, read.history().size());
        assertEquals(90.0, read.history().take(0, 1000).unlearned()[0]);
    }

    @Test
    void aTailWithMorePeaksThanTheBoundKeepsTheNewest() {
        EntityStateCodec small = new EntityStateCodec(0.99, new AlertTracker(new AlertRules(2, 3, 2, 0, 1)), 16);
        EntityState state = codec.fresh();
        double[] excesses = new double[64];
        Arrays.setAll(excesses, i -> 0.01 * (i + 1));
        state.thresholds().tail = TailState.from(new ScoreTail(0, 1, 3200, excesses, new double[0]), 128);
        TailState read = small.decode(codec.encode(state)).thresholds().tail();
        assertEquals(16, read.peaks());
        assertEquals(800, read.count(), 1e-9, "the count shrinks with the peaks");
    }

    @Test
    void aStateWrittenBeforeTailsIsReBasedAtItsNextReading() {
        EntityState state = codec.fresh();
        byte[] bytes = codec.encode(state);
        byte[] formatTwo = Arrays.copyOf(bytes, bytes.length - (2 + Long.BYTES + 1));
        ByteBuffer.wrap(formatTwo).putInt(0, 2);
        assertEquals(Long.MIN_VALUE, codec.decode(formatTwo).thresholds().modelVersion());
    }

    @Test
    void anotherModelRestartsTheSmoothedScore() {
        SmoothedScore s = new SmoothedScore();
        ScoreSmoothing span3 = new ScoreSmoothing(3);
        s.update(4.0, "pumps", 7, span3);
        assertEquals(1.0, s.update(1.0, "pumps", 8, span3), 1e-12);
    }
}
