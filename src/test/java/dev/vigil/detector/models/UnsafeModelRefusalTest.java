package dev.vigil.detector.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.OnnxSafety;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.ops.DetectorMetrics;
import dev.vigil.ops.MetricNames;
import dev.vigil.testkit.TestBundles;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A detector serving v1 of a real ONNX model is offered well-formed, correctly hashed bundles whose
 * ONNX model is unsafe: each is refused for its own reason before ONNX Runtime sees it (a refusal
 * by ONNX Runtime would read LOAD_FAILED), counted in its own refusal series, and v1 keeps serving.
 */
class UnsafeModelRefusalTest {
    private static final float GAIN = 0.75f;

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ModelHolder holder;

    @BeforeEach
    void serveVersionOne() throws Exception {
        holder = holder(OnnxSafety.Limits.DEFAULT);
        holder.apply(TestBundles.gain("g", 1, 0.5f));
    }

    private ModelHolder holder(OnnxSafety.Limits limits) {
        DetectorMetrics metrics = new DetectorMetrics();
        metrics.bindTo(registry);
        return new ModelHolder(new BundleValidator(BundleTrust.TRUST_ALL, Set.of(), 1e-4, limits), metrics);
    }

    @AfterEach
    void close() {
        holder.close();
    }

    private static ModelBundle version2() {
        return TestBundles.gain("g", 2, GAIN);
    }

    private double refusals(RefusalReason reason) {
        return registry.get(MetricNames.MODEL_SWAPS)
                .tags("outcome", "refused", "reason", reason.name().toLowerCase())
                .counter()
                .count();
    }

    private BundleRefusedException assertRefused(RefusalReason reason, ModelBundle bundle) {
        BundleRefusedException refused = assertThrows(BundleRefusedException.class, () -> holder.apply(bundle));
        assertEquals(reason, refused.reason(), refused.getMessage());
        assertEquals(1.0, refusals(reason), "counted in the " + reason + " series");
        assertEquals(1L, holder.current().orElseThrow().version(), "the old model keeps serving");
        try (ModelLease lease = holder.acquire()) {
            assertEquals(1L, lease.info().version());
        }
        return refused;
    }

    /** The gain values as the raw bytes an external-data file would hold for them. */
    private Path gainFile() throws Exception {
        byte[] floats = ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(GAIN)
                .putFloat(GAIN)
                .array();
        return Files.write(dir.resolve("gain.bin"), floats);
    }

    @Test
    void externalDataPointingAtAReadableFileIsRefusedBeforeAnythingReadsIt() throws Exception {
        Path file = gainFile();
        ModelBundle bundle = TestBundles.withExternalData(
                version2(), "gain", file.toAbsolutePath().toString());
        BundleRefusedException refused = assertRefused(RefusalReason.ONNX_EXTERNAL_DATA, bundle);
        assertTrue(refused.getMessage().contains(file.toAbsolutePath().toString()), refused.getMessage());
    }

    /** A relative location inside the working directory passes ONNX Runtime's own path check. */
    @Test
    void externalDataInsideTheWorkingDirectoryIsRefusedBeforeAnythingReadsIt() throws Exception {
        Path inWorkingDir = Files.createTempDirectory(Path.of("target"), "onnx-safety");
        Path file = Files.copy(gainFile(), inWorkingDir.resolve("gain.bin"));
        try {
            ModelBundle bundle = TestBundles.withExternalData(version2(), "gain", file.toString());
            assertRefused(RefusalReason.ONNX_EXTERNAL_DATA, bundle);
        } finally {
            Files.delete(file);
            Files.delete(inWorkingDir);
        }
    }

    @Test
    void externalDataEscapingTheBundleIsRefusedBeforeAnythingReadsIt() {
        ModelBundle bundle = TestBundles.withExternalData(version2(), "gain", "../../etc/passwd");
        BundleRefusedException refused = assertRefused(RefusalReason.ONNX_EXTERNAL_DATA, bundle);
        assertTrue(refused.getMessage().contains("'../../etc/passwd'"), refused.getMessage());
    }

    @Test
    void aNodeOfACustomOperatorDomainIsRefused() {
        assertRefused(RefusalReason.ONNX_CUSTOM_DOMAIN, TestBundles.withCustomDomain(version2(), "com.example.evil"));
    }

    @Test
    void aGraphOfMoreNodesThanTheDefaultLimitIsRefused() {
        ModelBundle bundle = TestBundles.withExtraNodes(version2(), OnnxSafety.Limits.DEFAULT.maxNodes());
        assertRefused(RefusalReason.ONNX_TOO_LARGE, bundle);
    }

    @Test
    void initializersOverTheDefaultLimitAreRefused() {
        int elements = (int) (OnnxSafety.Limits.DEFAULT.maxInitializerBytes() / 8) + 1;
        assertRefused(RefusalReason.ONNX_TOO_LARGE, TestBundles.withZerosInitializer(version2(), elements));
    }

    @Test
    void aModelOverAConfiguredByteLimitIsRefused() throws Exception {
        holder.close();
        ModelBundle v1 = TestBundles.gain("g", 1, 0.5f);
        holder = holder(new OnnxSafety.Limits(v1.getOnnx().remaining(), 10_000, 1 << 20));
        holder.apply(v1);
        assertRefused(RefusalReason.ONNX_TOO_LARGE, TestBundles.withExtraNodes(version2(), 1));
    }

    @Test
    void truncatedOnnxInAWellFormedCorrectlyHashedBundleIsRefusedBeforeOnnxRuntime() {
        byte[] onnx = new byte[version2().getOnnx().remaining()];
        version2().getOnnx().duplicate().get(onnx);
        ModelBundle truncated = TestBundles.withOnnx("g", 2, Arrays.copyOf(onnx, onnx.length / 2));
        assertRefused(RefusalReason.ONNX_MALFORMED, truncated);
    }

    @Test
    void randomBytesInAWellFormedCorrectlyHashedBundleAreRefusedBeforeOnnxRuntime() {
        assertRefused(RefusalReason.ONNX_MALFORMED, TestBundles.random("g", 2, 7));
    }
}
