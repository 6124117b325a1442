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
 * Format 2 appends the smoothed score to format 1; format 1 bytes (written before score smoothing)
 * are still read, with a smoothed score that starts afresh.
 */
public final class EntityStateCodec {
    private static final int FORMAT = 2;
    private static final int FORMAT_WITHOUT_SMOOTHING = 1;

    private final double quantile;
    private final AlertTracker tracker;

    public EntityStateCodec(double quantile, AlertTracker tracker) {
        this.quantile = quantile;
        this.tracker = tracker;
    }

    /** A fresh state. */
    public EntityState fresh() {
        return new EntityState(new P2Quantile(quantile), tracker.newState());
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
            if (format != FORMAT && format != FORMAT_WITHOUT_SMOOTHING) {
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
            SmoothedScore smoothed = format == FORMAT ? readSmoothed(in) : new SmoothedScore();
            return new EntityState(P2Quantile.fromArray(quantile, p2), alert, smoothed);
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
