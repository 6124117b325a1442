package dev.vigil.detector.features;

import dev.vigil.detector.state.ValueCodec;
import java.nio.ByteBuffer;

/**
 * The last W rows of one entity, oldest first, flattened; full once W rows arrived. It also keeps the
 * entity's {@link EventClock}, so the {@link EventTimeRule} can judge the next reading's event time.
 */
public final class EntityWindow {
    /** Newest event time of a window that has none yet. */
    public static final long NO_TIME = EventClock.NONE;

    /** First int of the current stored format; the older format starts with the row count (never negative). */
    static final int FORMAT_2 = -2;

    private static final int FORMAT_1_HEADER = 4 + 8;
    private static final int FORMAT_2_HEADER = 4 + 4 + 8 + 8 + 4;

    private final int width;
    private final float[] values;
    private int filled;
    private EventClock clock;

    private EntityWindow(int width, float[] values, int filled, EventClock clock) {
        this.width = width;
        this.values = values;
        this.filled = filled;
        this.clock = clock;
    }

    /** An empty window for {@code layout}. */
    public static EntityWindow empty(FeatureLayout layout) {
        return new EntityWindow(layout.features(), new float[layout.inputWidth()], 0, EventClock.EMPTY);
    }

    /** Appends a row, dropping the oldest when full. */
    public void push(float[] row) {
        System.arraycopy(values, width, values, 0, values.length - width);
        System.arraycopy(row, 0, values, values.length - width, width);
        filled = Math.min(filled + 1, values.length / width);
    }

    /** The entity's event-time clock. */
    public EventClock clock() {
        return clock;
    }

    /** Replaces the entity's event-time clock (after an {@link EventTimeRule} decision). */
    public void setClock(EventClock clock) {
        this.clock = clock;
    }

    /** The newest accepted event time, or {@link #NO_TIME}. */
    public long newestTime() {
        return clock.time();
    }

    /** Whether W rows arrived. */
    public boolean isFull() {
        return filled * width == values.length;
    }

    /** Whether no row arrived yet. */
    public boolean isEmpty() {
        return filled == 0;
    }

    /** The newest row's value of {@code feature} (the window must not be empty). */
    public float newestValue(int feature) {
        if (filled == 0) {
            throw new IllegalStateException("an empty window has no newest row");
        }
        return values[values.length - width + feature];
    }

    /** A copy of the W*F values, oldest first. */
    public float[] flatten() {
        return values.clone();
    }

    /** Serialized form: format tag, rows filled, clock time, run time, run length, then the values. */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(FORMAT_2_HEADER + 4 * values.length)
                .putInt(FORMAT_2)
                .putInt(filled)
                .putLong(clock.time())
                .putLong(clock.runTime())
                .putInt(clock.runLength());
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    /**
     * Reads {@link #toBytes()} output, and the older format (rows filled, newest event time, values:
     * read with no run); a window of another shape (a new layout) starts empty.
     */
    public static EntityWindow fromBytes(byte[] bytes, FeatureLayout layout) {
        int floats = 4 * layout.inputWidth();
        if (bytes == null || bytes.length < 4) {
            return empty(layout);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int first = buffer.getInt();
        if (first == FORMAT_2 && bytes.length == FORMAT_2_HEADER + floats) {
            int filled = buffer.getInt();
            EventClock clock = new EventClock(buffer.getLong(), buffer.getLong(), buffer.getInt());
            return withValues(layout, buffer, filled, clock);
        }
        if (first >= 0 && bytes.length == FORMAT_1_HEADER + floats) {
            return withValues(layout, buffer, first, EventClock.at(buffer.getLong()));
        }
        return empty(layout);
    }

    private static EntityWindow withValues(FeatureLayout layout, ByteBuffer buffer, int filled, EventClock clock) {
        float[] values = new float[layout.inputWidth()];
        buffer.slice().asFloatBuffer().get(values);
        return new EntityWindow(layout.features(), values, filled, clock);
    }

    /** The store codec of windows of {@code layout} ({@link #toBytes()} and {@link #fromBytes}). */
    public static ValueCodec<EntityWindow> codec(FeatureLayout layout) {
        return ValueCodec.of(EntityWindow::toBytes, bytes -> fromBytes(bytes, layout));
    }
}
