package dev.vigil.nn;

/**
 * Picks the {@link FloatKernels}: the Vector API ones when module {@code jdk.incubator.vector} is in
 * the boot layer and {@code vigil.nn.kernels} is not {@code scalar}, else the plain-Java ones. The
 * vector class is loaded by name so that a JVM without the module never links it.
 */
final class KernelChoice {
    static final String PROPERTY = "vigil.nn.kernels";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private KernelChoice() {}

    static FloatKernels pick() {
        if ("scalar".equals(System.getProperty(PROPERTY))
                || ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return new ScalarKernels();
        }
        try {
            return (FloatKernels) Class.forName("dev.vigil.nn.VectorKernels")
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarKernels();
        }
    }
}
