package dev.vigil.detector.ingest;

/** How input values are encoded; {@link #AUTO} tells Avro from JSON by the single-object magic bytes. */
public enum WireFormat {
    AVRO,
    JSON,
    AUTO;

    /** Whether {@code value} starts with Avro's single-object marker {@code C3 01}. */
    public static boolean isSingleObjectAvro(byte[] value) {
        return value.length >= 2 && (value[0] & 0xFF) == 0xC3 && value[1] == 0x01;
    }

    /** Whether this format reads {@code value} as Avro. */
    public boolean readsAsAvro(byte[] value) {
        return this == AVRO || (this == AUTO && isSingleObjectAvro(value));
    }
}
