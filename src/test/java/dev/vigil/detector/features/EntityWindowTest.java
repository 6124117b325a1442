package dev.vigil.detector.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form of a window: its clock and run round-trip, and windows of the older format are read. */
class EntityWindowTest {
    private static final FeatureLayout LAYOUT = new FeatureLayout(List.of("a", "b"), 2);
    private static final long T0 = 1_732_270_000_000L;

    /** A window as the detector stored it before it kept a run: rows filled, newest time, values. */
    static byte[] olderFormat(int filled, long newestTime, float... values) {
        ByteBuffer buffer =
                ByteBuffer.allocate(12 + 4 * values.length).putInt(filled).putLong(newestTime);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    @Test
    void aWindowWithARunRoundTrips() {
        EntityWindow window = EntityWindow.empty(LAYOUT);
        window.push(new float[] {1, 2});
        window.setClock(new EventClock(T0, T0 + 86_400_000L, 2));

        EntityWindow back = EntityWindow.fromBytes(window.toBytes(), LAYOUT);

        assertEquals(new EventClock(T0, T0 + 86_400_000L, 2), back.clock());
        assertArrayEquals(window.flatten(), back.flatten());
        assertFalse(back.isFull());
        assertEquals(2f, back.newestValue(1));
    }

    @Test
    void aWindowOfTheOlderFormatKeepsItsRowsAndItsClockWithoutARun() {
        EntityWindow back = EntityWindow.fromBytes(olderFormat(2, T0, 1, 2, 3, 4), LAYOUT);

        assertEquals(EventClock.at(T0), back.clock());
        assertEquals(T0, back.newestTime());
        assertTrue(back.isFull());
        assertArrayEquals(new float[] {1, 2, 3, 4}, back.flatten());
    }

    @Test
    void anEmptyWindowOfTheOlderFormatHasNoClock() {
        EntityWindow back = EntityWindow.fromBytes(olderFormat(0, EntityWindow.NO_TIME, 0, 0, 0, 0), LAYOUT);

        assertTrue(back.clock().isEmpty());
        assertTrue(back.isEmpty());
    }

    @Test
    void aWindowOfAnotherLayoutStartsEmptyInEitherFormat() {
        var wider = new FeatureLayout(List.of("a", "b", "c"), 2);
        EntityWindow stored = EntityWindow.empty(wider);
        stored.push(new float[] {1, 2, 3});
        stored.setClock(EventClock.at(T0));

        assertTrue(EntityWindow.fromBytes(stored.toBytes(), LAYOUT).isEmpty());
        assertTrue(EntityWindow.fromBytes(olderFormat(1, T0, 1, 2, 3, 0, 0, 0), LAYOUT)
                .isEmpty());
        byte[] asLongAsTheCurrentFormat = olderFormat(1, T0, new float[8]);
        assertEquals(EntityWindow.empty(LAYOUT).toBytes().length, asLongAsTheCurrentFormat.length);
        assertTrue(EntityWindow.fromBytes(asLongAsTheCurrentFormat, LAYOUT).isEmpty());
        assertTrue(EntityWindow.fromBytes(new byte[3], LAYOUT).clock().isEmpty());
    }
}
