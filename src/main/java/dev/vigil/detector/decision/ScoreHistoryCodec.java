package dev.vigil.detector.decision;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A {@link ScoreHistory} inside an entity state's bytes ({@link EntityStateCodec}). Format 5 writes
 * the model, then the kept readings oldest first: their event times as zigzag variable-length
 * differences from the previous one (two bytes for readings up to 16 s apart), their scores as
 * doubles, and their learned flags eight to a byte. Format 4 wrote each reading as a long, a double
 * and a boolean.
 */
final class ScoreHistoryCodec {
    private ScoreHistoryCodec() {}

    /** Writes {@code history} in format 5. */
    static void write(DataOutputStream out, ScoreHistory history) throws IOException {
        out.writeLong(history.clock);
        out.writeUTF(history.modelGroup);
        out.writeLong(history.modelVersion);
        writeVarLong(out, history.count);
        long previous = 0;
        for (int i = 0; i < history.count; i++) {
            long time = history.times[history.slot(i)];
            writeVarLong(out, zigzag(time - previous));
            previous = time;
        }
        for (int i = 0; i < history.count; i++) {
            out.writeDouble(history.scores[history.slot(i)]);
        }
        for (int i = 0; i < history.count; i += Byte.SIZE) {
            int bits = 0;
            for (int b = 0; b < Byte.SIZE && i + b < history.count; b++) {
                bits |= history.learned[history.slot(i + b)] ? 1 << b : 0;
            }
            out.writeByte(bits);
        }
    }

    /** Reads a history into {@code history}; beyond its bound, the newest readings stay. */
    static void read(DataInputStream in, ScoreHistory history) throws IOException {
        readModel(in, history);
        long count = readVarLong(in);
        if (count < 0 || count > in.available() / (Double.BYTES + 1)) {
            throw new IOException("score history of " + count + " readings in " + in.available() + " bytes");
        }
        long[] times = new long[(int) count];
        long previous = 0;
        for (int i = 0; i < count; i++) {
            times[i] = previous + unzigzag(readVarLong(in));
            previous = times[i];
        }
        double[] scores = new double[(int) count];
        for (int i = 0; i < count; i++) {
            scores[i] = in.readDouble();
        }
        int bits = 0;
        for (int i = 0; i < count; i++) {
            if (i % Byte.SIZE == 0) {
                bits = in.readUnsignedByte();
            }
            history.push(times[i], scores[i], (bits >> (i % Byte.SIZE) & 1) == 1);
        }
    }

    /** Reads a format 4 history: each reading as a time, a score and a flag of fixed size. */
    static void readFixedSize(DataInputStream in, ScoreHistory history) throws IOException {
        readModel(in, history);
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            history.push(in.readLong(), in.readDouble(), in.readBoolean());
        }
    }

    private static void readModel(DataInputStream in, ScoreHistory history) throws IOException {
        history.clock = in.readLong();
        history.modelGroup = in.readUTF();
        history.modelVersion = in.readLong();
    }

    /** Seven bits a byte, low bits first; the high bit says another byte follows. */
    private static void writeVarLong(DataOutputStream out, long value) throws IOException {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long readVarLong(DataInputStream in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < Long.SIZE; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("variable-length number longer than 64 bits");
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }
}
