package dev.vigil.detector.decision;

import dev.vigil.contract.avro.Direction;
import dev.vigil.contract.avro.FeatureContribution;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes of an {@link EntityState}, for a state store. A state of another window size starts fresh.
 * Format 5 writes format 4's score history compactly ({@link ScoreHistoryCodec}: a full history of
 * 128 readings takes 1.3–1.5 KB instead of 2.2 KB; it was most of a state, and every entity's state
 * is written to the changelog at every commit). Format 4 appends the thresholds' feedback floor and
 * the score history to format 3 (a history longer than this codec's bound keeps its newest
 * readings; older formats start an empty one, with no floor). Format 3 appends the thresholds' model and EVT tail to format 2, which appended the smoothed score
 * to format 1. Format 1 and 2 bytes are still read: their smoothed score (format 1) starts afresh,
 * and their thresholds are re-based at the next reading, since they do not say which model they
 * were learned under.
 */
public final class EntityStateCodec {
    private static final int FORMAT = 5;
    private static final int FORMAT_FIXED_HISTORY = 4;
    private static final int FORMAT_WITHOUT_HISTORY = 3;
    private static final int FORMAT_WITHOUT_TAIL = 2;
    private static final int FORMAT_WITHOUT_SMOOTHING = 1;

    private final double quantile;
    private final AlertTracker tracker;
    private final int maxPeaks;
    private final int historySize;

    /**
     * A codec for states whose EVT tails keep at most {@code maxPeaks} peaks and whose score
     * histories keep at most {@code historySize} readings.
     */
    public EntityStateCodec(double quantile, AlertTracker tracker, int maxPeaks, int historySize) {
        this.quantile = quantile;
        this.tracker = tracker;
        this.maxPeaks = maxPeaks;
        this.historySize = historySize;
    }

    /** A codec for states whose EVT tails keep at most {@code maxPeaks} peaks, with the default history. */
    public EntityStateCodec(double quantile, AlertTracker tracker, int maxPeaks) {
        this(quantile, tracker, maxPeaks, EntityState.HISTORY);
    }

    /** A codec for states with the default EVT peak bound. */
    public EntityStateCodec(double quantile, AlertTracker tracker) {
        this(quantile, tracker, ThresholdPolicy.Evt.DEFAULTS.maxPeaks());
    }

    /** A fresh state. */
    public EntityState fresh() {
        return new EntityState(
                new ThresholdState(new P2Quantile(quantile)),
                tracker.newState(),
                new SmoothedScore(),
                new ScoreHistory(historySize));
    }

    /** Encodes a state. */
    public byte[] encode(EntityState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            for (double d : state.scores().toArray()) {
                out.writeDouble(d);
            }
            writeAlert(out, state.alert());
            writeSmoothed(out, state.smoothed());
            writeThresholds(out, state.thresholds());
            out.writeDouble(state.thresholds().floor);
            ScoreHistoryCodec.write(out, state.history());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes a state; null or foreign bytes give a fresh one. */
    public EntityState decode(byte[] bytes) {
        if (bytes == null) {
            return fresh();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format < FORMAT_WITHOUT_SMOOTHING || format > FORMAT) {
                return fresh();
            }
            double[] p2 = new double[16];
            for (int i = 0; i < p2.length; i++) {
                p2[i] = in.readDouble();
            }
            AlertState alert = readAlert(in);
            if (alert == null) {
                return fresh();
            }
            SmoothedScore smoothed = format >= FORMAT_WITHOUT_TAIL ? readSmoothed(in) : new SmoothedScore();
            ThresholdState thresholds = new ThresholdState(P2Quantile.fromArray(quantile, p2));
            if (format >= FORMAT_WITHOUT_HISTORY) {
                readThresholds(in, thresholds);
            }
            ScoreHistory history = new ScoreHistory(historySize);
            if (format >= FORMAT_FIXED_HISTORY) {
                thresholds.floor = in.readDouble();
                if (format == FORMAT) {
                    ScoreHistoryCodec.read(in, history);
                } else {
                    ScoreHistoryCodec.readFixedSize(in, history);
                }
            }
            return new EntityState(thresholds, alert, smoothed, history);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt entity state", e);
        }
    }

    private static void writeSmoothed(DataOutputStream out, SmoothedScore s) throws IOException {
        out.writeDouble(s.value);
        out.writeBoolean(s.started);
        out.writeUTF(s.modelGroup);
        out.writeLong(s.modelVersion);
    }

    private static SmoothedScore readSmoothed(DataInputStream in) throws IOException {
        SmoothedScore s = new SmoothedScore();
        s.value = in.readDouble();
        s.started = in.readBoolean();
        s.modelGroup = in.readUTF();
        s.modelVersion = in.readLong();
        return s;
    }

    private static void writeThresholds(DataOutputStream out, ThresholdState t) throws IOException {
        out.writeUTF(t.modelGroup);
        out.writeLong(t.modelVersion);
        out.writeBoolean(t.tail != null);
        if (t.tail != null) {
            writeTail(out, t.tail);
        }
    }

    private void readThresholds(DataInputStream in, ThresholdState t) throws IOException {
        t.modelGroup = in.readUTF();
        t.modelVersion = in.readLong();
        t.tail = in.readBoolean() ? readTail(in) : null;
    }

    private static void writeTail(DataOutputStream out, TailState tail) throws IOException {
        out.writeInt(tail.depth);
        out.writeDouble(tail.level);
        out.writeDouble(tail.count);
        out.writeDouble(tail.shape);
        out.writeDouble(tail.scale);
        out.writeInt(tail.sinceFit);
        writeRing(out, tail.peaks, tail.peakCount, tail.peakHead);
        writeRing(out, tail.recent, tail.recentCount, tail.recentHead);
    }

    /** Reads a tail into one with this codec's peak bound (the newest peaks kept if it is lower). */
    private TailState readTail(DataInputStream in) throws IOException {
        TailState tail = new TailState(in.readInt(), in.readDouble(), maxPeaks);
        tail.count = in.readDouble();
        tail.shape = in.readDouble();
        tail.scale = in.readDouble();
        tail.sinceFit = in.readInt();
        double[] peaks = readArray(in);
        for (int i = Math.max(0, peaks.length - maxPeaks); i < peaks.length; i++) {
            tail.pushPeak(peaks[i]);
        }
        for (double s : readArray(in)) {
            tail.pushRecent(s);
        }
        if (peaks.length > maxPeaks) {
            tail.count *= maxPeaks / (double) peaks.length;
            tail.refit();
        }
        return tail;
    }

    /** A ring's values oldest first. */
    private static void writeRing(DataOutputStream out, double[] ring, int count, int head) throws IOException {
        out.writeInt(count);
        int start = count < ring.length ? 0 : head;
        for (int i = 0; i < count; i++) {
            out.writeDouble(ring[(start + i) % ring.length]);
        }
    }

    private static double[] readArray(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    private static void writeAlert(DataOutputStream out, AlertState s) throws IOException {
        out.writeInt(s.recentAnomalous.length);
        for (int i = 0; i < s.recentAnomalous.length; i++) {
            out.writeBoolean(s.recentAnomalous[i]);
            out.writeLong(s.recentTimes[i]);
        }
        out.writeLong(s.seen);
        out.writeBoolean(s.open);
        out.writeLong(s.start);
        out.writeDouble(s.peak);
        out.writeInt(s.anomalousReadings);
        out.writeInt(s.normalStreak);
        out.writeDouble(s.threshold);
        writeContributors(out, s.contributors);
        out.writeUTF(s.modelGroup == null ? "" : s.modelGroup);
        out.writeLong(s.modelVersion);
        out.writeLong(s.cooldownUntil);
    }

    private AlertState readAlert(DataInputStream in) throws IOException {
        int n = in.readInt();
        AlertState s = tracker.newState();
        if (n != s.recentAnomalous.length) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            s.recentAnomalous[i] = in.readBoolean();
            s.recentTimes[i] = in.readLong();
        }
        s.seen = in.readLong();
        s.open = in.readBoolean();
        s.start = in.readLong();
        s.peak = in.readDouble();
        s.anomalousReadings = in.readInt();
        s.normalStreak = in.readInt();
        s.threshold = in.readDouble();
        s.contributors = readContributors(in);
        s.modelGroup = in.readUTF();
        s.modelVersion = in.readLong();
        s.cooldownUntil = in.readLong();
        return s;
    }

    private static void writeContributors(DataOutputStream out, List<FeatureContribution> list) throws IOException {
        out.writeInt(list.size());
        for (FeatureContribution c : list) {
            out.writeUTF(c.getFeature());
            out.writeDouble(c.getActual());
            out.writeDouble(c.getExpected());
            out.writeDouble(c.getError());
            out.writeBoolean(c.getDirection() == Direction.ABOVE);
        }
    }

    private static List<FeatureContribution> readContributors(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<FeatureContribution> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(new FeatureContribution(
                    in.readUTF(),
                    in.readDouble(),
                    in.readDouble(),
                    in.readDouble(),
                    in.readBoolean() ? Direction.ABOVE : Direction.BELOW));
        }
        return list;
    }
}
