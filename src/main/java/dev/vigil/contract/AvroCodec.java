package dev.vigil.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding (magic bytes + schema fingerprint + binary body) for one generated
 * record class. No schema registry needed: the fingerprint names the writer schema.
 *
 * <p>Encoding writes the same bytes as Avro's {@code BinaryMessageEncoder}, but through a buffered
 * encoder and a per-thread reusable buffer: Avro's own encoder writes byte by byte into a
 * synchronised stream, which was the largest single cost of the detector's hot path.
 *
 * @param <T> the generated record class
 */
public final class AvroCodec<T extends SpecificRecord> {
    static {
        AvroPackages.trust();
    }

    private static final byte[] MAGIC = {(byte) 0xC3, (byte) 0x01};

    private final byte[] header;
    private final SpecificDatumWriter<T> writer;
    private final BinaryMessageDecoder<T> decoder;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private AvroCodec(Schema schema, SpecificDatumWriter<T> writer, BinaryMessageDecoder<T> decoder) {
        this.header = header(schema);
        this.writer = writer;
        this.decoder = decoder;
    }

    /** A reusable output buffer and buffered encoder for one thread. */
    private static final class Scratch {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        BinaryEncoder encoder;
    }

    private static byte[] header(Schema schema) {
        return ByteBuffer.allocate(MAGIC.length + Long.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(MAGIC)
                .putLong(SchemaNormalization.parsingFingerprint64(schema))
                .array();
    }

    /** A codec for {@code type}, which must be an Avro-generated class. */
    public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        org.apache.avro.Schema schema = SpecificData.get().getSchema(type);
        @SuppressWarnings("unchecked")
        SpecificDatumWriter<T> writer = (SpecificDatumWriter<T>) model.createDatumWriter(schema);
        return new AvroCodec<>(schema, writer, new BinaryMessageDecoder<>(model, schema));
    }

    /** The single-object header every encoding starts with: magic bytes and schema fingerprint. */
    public byte[] header() {
        return header.clone();
    }

    /** Encodes {@code record} as a single-object encoded byte array. */
    public byte[] encode(T record) {
        Scratch local = scratch.get();
        local.out.reset();
        local.out.write(header, 0, header.length);
        try {
            local.encoder = EncoderFactory.get().binaryEncoder(local.out, local.encoder);
            writer.write(record, local.encoder);
            local.encoder.flush();
            return local.out.toByteArray();
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
