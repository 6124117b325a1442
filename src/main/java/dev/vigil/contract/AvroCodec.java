package dev.vigil.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding (magic bytes + schema fingerprint + binary body) for one generated
 * record class. No schema registry needed: the fingerprint names the writer schema.
 *
 * <p>Encoding writes the same bytes as Avro's {@code BinaryMessageEncoder}, but through a buffered
 * encoder and a per-thread reusable buffer: Avro's own encoder writes byte by byte into a
 * synchronised stream, which was the largest single cost of the detector's hot path. Decoding bytes
 * written with this codec's own schema reads the byte array through a buffered decoder (Avro's
 * message decoder reads it byte by byte) and refuses trailing bytes; bytes naming an older schema
 * registered with {@link #decoder()} go through Avro's message decoder.
 *
 * @param <T> the generated record class
 */
public final class AvroCodec<T extends SpecificRecord> {
    static {
        AvroPackages.trust();
    }

    private static final byte[] MAGIC = {(byte) 0xC3, (byte) 0x01};

    /** Length of the single-object header (magic bytes and fingerprint) before the binary body. */
    public static final int HEADER_BYTES = MAGIC.length + Long.BYTES;

    private final byte[] header;
    private final SpecificDatumWriter<T> writer;
    private final SpecificDatumReader<T> reader;
    private final BinaryMessageDecoder<T> decoder;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private AvroCodec(Schema schema, SpecificData model) {
        this.header = header(schema);
        this.writer = specific(model.createDatumWriter(schema));
        this.reader = specific(model.createDatumReader(schema));
        this.decoder = new BinaryMessageDecoder<>(model, schema);
    }

    @SuppressWarnings("unchecked")
    private static <D> D specific(Object datumIo) {
        return (D) datumIo;
    }

    /** A reusable output buffer, buffered encoder and decoder for one thread. */
    private static final class Scratch {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        BinaryEncoder encoder;
        BinaryDecoder decoder;
    }

    private static byte[] header(Schema schema) {
        return ByteBuffer.allocate(HEADER_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(MAGIC)
                .putLong(SchemaNormalization.parsingFingerprint64(schema))
                .array();
    }

    /** A codec for {@code type}, which must be an Avro-generated class. */
    public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type) {
        return new AvroCodec<>(SpecificData.get().getSchema(type), SpecificData.getForClass(type));
    }

    /** The single-object header every encoding starts with: magic bytes and schema fingerprint. */
    public byte[] header() {
        return header.clone();
    }

    /** Whether {@code bytes} start with this codec's header, i.e. claim to be written with its own schema. */
    public boolean isOwnSchema(byte[] bytes) {
        return bytes.length >= header.length && Arrays.equals(bytes, 0, header.length, header, 0, header.length);
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
     * @throws IOException if the bytes are not single-object encoded, name an unknown schema, are
     *     truncated, or (with this codec's own schema) carry bytes after the record
     */
    public T decode(byte[] bytes) throws IOException {
        if (!isOwnSchema(bytes)) {
            return decoder.decode(bytes);
        }
        Scratch local = scratch.get();
        local.decoder =
                DecoderFactory.get().binaryDecoder(bytes, header.length, bytes.length - header.length, local.decoder);
        T record = reader.read(null, local.decoder);
        if (!local.decoder.isEnd()) {
            throw new IOException("bytes left after the " + reader.getSchema().getName() + " record: the writer used"
                    + " another schema than its header names");
        }
        return record;
    }

    /** The underlying decoder, to register older writer schemas with {@code addSchema}. */
    public BinaryMessageDecoder<T> decoder() {
        return decoder;
    }
}
