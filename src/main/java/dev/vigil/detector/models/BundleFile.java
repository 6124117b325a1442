package dev.vigil.detector.models;

import dev.vigil.contract.BundleFiles;
import dev.vigil.contract.avro.ModelBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** One bundle file ({@code model.path}): it must validate, or the detector does not start. */
public record BundleFile(Path path) implements BundleSource {
    @Override
    public void open(ModelHolder holder) throws BundleRefusedException {
        holder.apply(read(path));
    }

    @Override
    public void close() {}

    /** Reads the bundle at {@code file}, naming the file in the error. */
    static ModelBundle read(Path file) {
        try {
            return BundleFiles.read(file);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read bundle " + file + ": " + e.getMessage(), e));
        }
    }
}
