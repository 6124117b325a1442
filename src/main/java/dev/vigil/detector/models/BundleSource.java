package dev.vigil.detector.models;

import java.util.Optional;

/**
 * Where bundles come from: a file ({@code model.path}), a directory ({@code model.dir}) or the
 * models topic. Opening a source offers the holder what it holds now, and a source that follows
 * (the directory and the topic) keeps offering newer bundles until it is closed.
 */
public interface BundleSource extends AutoCloseable {
    /**
     * Offers this source's bundles to {@code holder} and starts following, if it follows.
     *
     * @throws BundleRefusedException if a bundle that must validate (a configured file) does not
     */
    void open(ModelHolder holder) throws BundleRefusedException;

    /**
     * Why this source could not be read when it was opened, if it could not: the detector adds it to
     * the "no valid model" error so that an operator learns, say, that the broker was unreachable.
     */
    default Optional<String> openingProblem() {
        return Optional.empty();
    }

    /** Stops following; the holder keeps the model it holds. */
    @Override
    void close();
}
