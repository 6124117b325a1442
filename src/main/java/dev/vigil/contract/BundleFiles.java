package dev.vigil.contract;

import dev.vigil.contract.avro.ModelBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@link ModelBundle} files ({@code *.bundle}: Avro single-object encoding). */
public final class BundleFiles {
    private static final AvroCodec<ModelBundle> CODEC = AvroCodec.of(ModelBundle.class);

    private BundleFiles() {}

    /** Writes {@code bundle} to {@code file}, replacing it atomically. */
    public static void write(ModelBundle bundle, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        Files.write(tmp, CODEC.encode(bundle));
        Files.move(
                tmp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a bundle file. */
    public static ModelBundle read(Path file) throws IOException {
        return CODEC.decode(Files.readAllBytes(file));
    }

    /** Encodes a bundle to bytes (the value format of the models topic). */
    public static byte[] encode(ModelBundle bundle) {
        return CODEC.encode(bundle);
    }

    /** Decodes bundle bytes. */
    public static ModelBundle decode(byte[] bytes) throws IOException {
        return CODEC.decode(bytes);
    }
}
