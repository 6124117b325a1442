package dev.vigil.contract;

/** Lets Avro 1.12 instantiate Vigil's generated classes (it refuses untrusted packages). */
public final class AvroPackages {
    /** The Java package of the classes generated from {@code schemas/}. */
    public static final String GENERATED = "dev.vigil.contract.avro";

    private static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

    private AvroPackages() {}

    /** Adds {@link #GENERATED} to Avro's trusted packages; idempotent. */
    public static void trust() {
        String current = System.getProperty(PROPERTY, "");
        if (!current.contains(GENERATED)) {
            System.setProperty(PROPERTY, current.isEmpty() ? GENERATED : current + "," + GENERATED);
        }
    }
}
