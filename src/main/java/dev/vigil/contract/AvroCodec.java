package dev.vigil.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding (magic bytes + schema fingerprint + binary body) for one generated
 * record class. No schema registry needed: the fingerprint names the writer schema.
 *
 * @param <T> the generated record class
 */
public final class AvroCodec<T extends SpecificRecord> {
    static {
        AvroPackages.trust();
    }

    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroCodec(BinaryMessageEncoder<T> encoder, BinaryMessageDecoder<T> decoder) {
        this.encoder = encoder;
        this.decoder = decoder;
    }

    /** A codec for {@code type}, which must be an Avro-generated class. */
    public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        org.apache.avro.Schema schema = SpecificData.get().getSchema(type);
        return new AvroCodec<>(new BinaryMessageEncoder<>(model, schema), new BinaryMessageDecoder<>(model, schema));
    }

    /** Encodes {@code record} as a single-object encoded byte array. */
    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + record.getSchema().getFullName(), e);
        }
    }

    /**
     * Decodes single-object encoded bytes.
     *
     * @throws IOException if the bytes are not single-object encoded, name an unknown schema, or are
     *     truncated
     */
    public T decode(byte[] bytes) throws IOException {
        return decoder.decode(bytes);
    }

    /** The underlying decoder, to register older writer schemas with {@code addSchema}. */
    public BinaryMessageDecoder<T> decoder() {
        return decoder;
    }
}
