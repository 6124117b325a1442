package dev.vigil.detector.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.detector.events.DetectorEvents;
import dev.vigil.testkit.TestBundles;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** {@code scoring.execution.*}: the provider in force, and a clear start-up failure when CUDA is missing. */
class ExecutionProviderTest {
    private static final Set<OrtProvider> CPU_ONLY = Set.of(OrtProvider.CPU);
    private static final Set<OrtProvider> WITH_CUDA = Set.of(OrtProvider.CPU, OrtProvider.CUDA);

    @Test
    void theCpuIsAlwaysAvailable() throws Exception {
        var provider = ExecutionProvider.resolve(ExecutionProvider.Kind.CPU, 0, false, CPU_ONLY);
        assertEquals(ExecutionProvider.CPU, provider);
        assertEquals("cpu", provider.describe());
    }

    @Test
    void cudaIsKeptWhereTheBuildHasIt() throws Exception {
        var provider = ExecutionProvider.resolve(ExecutionProvider.Kind.CUDA, 1, false, WITH_CUDA);
        assertEquals("cuda:1", provider.describe());
    }

    @Test
    void missingCudaWithoutFallbackSaysHowToGetIt() {
        var e = assertThrows(
                ExecutionProvider.UnavailableProviderException.class,
                () -> ExecutionProvider.resolve(ExecutionProvider.Kind.CUDA, 0, false, CPU_ONLY));
        assertTrue(e.getMessage().contains("no CUDA provider") && e.getMessage().contains("-Pcuda"), e.getMessage());
    }

    @Test
    void missingCudaWithFallbackScoresOnTheCpu() throws Exception {
        assertEquals(ExecutionProvider.CPU, ExecutionProvider.resolve(ExecutionProvider.Kind.CUDA, 0, true, CPU_ONLY));
    }

    @Test
    void anUnknownProviderIsRefusedNamingTheKey() {
        var e = assertThrows(
                ConfigException.class, () -> new DetectorConfig(Map.of(DetectorConfig.EXECUTION_PROVIDER, "tpu")));
        assertTrue(e.getMessage().contains(DetectorConfig.EXECUTION_PROVIDER), e.getMessage());
    }

    @Test
    void cudaOnThisBuildEitherLoadsOrFailsAtStartUpNamingTheKey() throws Exception {
        var config = new DetectorConfig(
                Map.of(DetectorConfig.EXECUTION_PROVIDER, "cuda", DetectorConfig.MODEL_TRUST, "any"));
        if (OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            assertEquals(
                    ExecutionProvider.Kind.CUDA,
                    ModelSources.executionProvider(config).kind());
            return;
        }
        var e = assertThrows(ConfigException.class, () -> ModelSources.holder(config, DetectorEvents.NOOP));
        assertTrue(e.getMessage().contains(DetectorConfig.EXECUTION_PROVIDER), e.getMessage());
        assertTrue(e.getMessage().contains(DetectorConfig.EXECUTION_FALLBACK)
                || e.getMessage().contains("-Pcuda"));
    }

    @Test
    void theCpuFallbackServesARealModel() throws Exception {
        var config = new DetectorConfig(
                Map.of(DetectorConfig.EXECUTION_PROVIDER, "cuda", DetectorConfig.EXECUTION_FALLBACK, "cpu"));
        var validator = new BundleValidator(
                BundleTrust.TRUST_ALL,
                Set.of(),
                1e-3,
                ModelSources.onnxLimits(config),
                ModelSources.executionProvider(config));
        try (var holder = new ModelHolder(validator, DetectorEvents.NOOP)) {
            assertEquals(3, holder.apply(TestBundles.linear(3)).version());
        }
    }
}
