package dev.vigil.detector.state;

import java.util.function.Function;

/**
 * How a {@link WriteBackStore} turns its decoded values into the bytes of its changelogged store and
 * back.
 *
 * @param <V> the decoded value type
 */
public interface ValueCodec<V> {
    /** The bytes stored for {@code value} (never null). */
    byte[] encode(V value);

    /** The value stored as {@code bytes} (never null: absent keys are not decoded). */
    V decode(byte[] bytes);

    /** A codec from an encoding and a decoding function. */
    static <V> ValueCodec<V> of(Function<V, byte[]> encoder, Function<byte[], V> decoder) {
        return new ValueCodec<>() {
            @Override
            public byte[] encode(V value) {
                return encoder.apply(value);
            }

            @Override
            public V decode(byte[] bytes) {
                return decoder.apply(bytes);
            }
        };
    }
}
