package dev.vigil.detector.features;

import dev.vigil.detector.state.ValueCodec;
import java.nio.ByteBuffer;

/**
 * The last W rows of one entity, oldest first, flattened; full once W rows arrived. It also keeps the
 * newest event time pushed, so a reading far older than its entity's newest one can be refused.
 */
public final class EntityWindow {
    /** Newest event time of a window that has none yet. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private final int width;
    private final float[] values;
    private int filled;
    private long newestTime;

    private EntityWindow(int width, float[] values, int filled, long newestTime) {
        this.width = width;
        this.values = values;
        this.filled = filled;
        this.newestTime = newestTime;
    }

    /** An empty window for {@code layout}. */
    public static EntityWindow empty(FeatureLayout layout) {
        return new EntityWindow(layout.features(), new float[layout.inputWidth()], 0, NO_TIME);
    }

    /** Appends a row, dropping the oldest when full. */
    public void push(float[] row) {
        System.arraycopy(values, width, values, 0, values.length - width);
        System.arraycopy(row, 0, values, values.length - width, width);
        filled = Math.min(filled + 1, values.length / width);
    }

    /** Appends a row with its event time. */
    public void push(float[] row, long eventTime) {
        push(row);
        newestTime = Math.max(newestTime, eventTime);
    }

    /** The newest event time pushed, or {@link #NO_TIME}. */
    public long newestTime() {
        return newestTime;
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

    /** Serialized form: rows filled, newest event time, then the values. */
    public byte[] toBytes() {
        ByteBuffer buffer =
                ByteBuffer.allocate(12 + 4 * values.length).putInt(filled).putLong(newestTime);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    /** Reads {@link #toBytes()} output; a window of another shape (a new layout) starts empty. */
    public static EntityWindow fromBytes(byte[] bytes, FeatureLayout layout) {
        if (bytes == null || bytes.length != 12 + 4 * layout.inputWidth()) {
            return empty(layout);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int filled = buffer.getInt();
        long newestTime = buffer.getLong();
        float[] values = new float[layout.inputWidth()];
        buffer.asFloatBuffer().get(values);
        return new EntityWindow(layout.features(), values, filled, newestTime);
    }

    /** The store codec of windows of {@code layout} ({@link #toBytes()} and {@link #fromBytes}). */
    public static ValueCodec<EntityWindow> codec(FeatureLayout layout) {
        return ValueCodec.of(EntityWindow::toBytes, bytes -> fromBytes(bytes, layout));
    }
}
