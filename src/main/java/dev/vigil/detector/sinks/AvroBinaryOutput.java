package dev.vigil.detector.sinks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer writing Avro's binary encoding of primitives: zig-zag variable-length
 * longs and ints, little-endian doubles, length-prefixed strings.
 */
final class AvroBinaryOutput {
    private byte[] bytes = new byte[1024];
    private int size;

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void writeRaw(byte[] raw) {
        writeRaw(raw, 0, raw.length);
    }

    void writeRaw(byte[] raw, int offset, int length) {
        ensure(length);
        System.arraycopy(raw, offset, bytes, size, length);
        size += length;
    }

    /** An Avro int or long (also enum indexes, union branches, block counts). */
    void writeLong(long value) {
        ensure(10);
        long n = (value << 1) ^ (value >> 63);
        while ((n & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        bytes[size++] = (byte) n;
    }

    void writeDouble(double value) {
        ensure(8);
        long bits = Double.doubleToRawLongBits(value);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (bits >>> (8 * i));
        }
    }

    /** A string already encoded as UTF-8. */
    void writeUtf8(byte[] utf8) {
        writeLong(utf8.length);
        writeRaw(utf8);
    }

    void writeString(String value) {
        writeUtf8(value.getBytes(StandardCharsets.UTF_8));
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
