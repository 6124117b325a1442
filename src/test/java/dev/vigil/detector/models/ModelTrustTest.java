package dev.vigil.detector.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.detector.config.DetectorConfig;
import dev.vigil.testkit.TestBundles;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model.trust}: signed-only by default, which needs keys; {@code any} serves unsigned bundles too. */
class ModelTrustTest {
    private static final KeyPair SIGNER = SigningKeys.generate();
    private static final KeyPair STRANGER = SigningKeys.generate();
    private static final ModelBundle UNSIGNED = TestBundles.gain("g", 1, 0.5f);

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeKeys() throws Exception {
        SigningKeys.writePair(SIGNER, dir);
    }

    private static BundleTrust trust(String policy, boolean withKeys) {
        Map<String, Object> values = new HashMap<>();
        if (policy != null) {
            values.put(DetectorConfig.MODEL_TRUST, policy);
        }
        if (withKeys) {
            values.put(
                    DetectorConfig.MODEL_TRUSTED_KEYS,
                    dir.resolve(SigningKeys.PUBLIC_FILE).toString());
        }
        return ModelSources.trust(new DetectorConfig(values));
    }

    @Test
    void theDefaultWithoutKeysRefusesToStartNamingBothKeys() {
        ConfigException e = assertThrows(ConfigException.class, () -> trust(null, false));
        assertTrue(e.getMessage().contains("model.trust=signed"), e.getMessage());
        assertTrue(e.getMessage().contains("model.trusted.keys"), e.getMessage());
        assertTrue(e.getMessage().contains("model.trust=any"), e.getMessage());
    }

    @Test
    void theDefaultRefusesAnUnsignedBundleAndServesOneSignedByATrustedKey() {
        BundleTrust trust = trust(null, true);
        assertTrue(
                trust.distrust(UNSIGNED).orElseThrow().startsWith("UNSIGNED"),
                trust.distrust(UNSIGNED).get());
        assertEquals(Optional.empty(), trust.distrust(BundleSigning.sign(UNSIGNED, SIGNER)));
        assertTrue(trust.distrust(BundleSigning.sign(UNSIGNED, STRANGER)).isPresent());
    }

    @Test
    void anyServesUnsignedBundlesWithOrWithoutKeys() {
        assertEquals(Optional.empty(), trust("any", false).distrust(UNSIGNED));
        assertEquals(Optional.empty(), trust("any", true).distrust(UNSIGNED));
    }

    @Test
    void anyWithKeysStillRefusesABundleSignedByAnUnknownKey() {
        BundleTrust trust = trust("any", true);
        assertTrue(trust.distrust(BundleSigning.sign(UNSIGNED, STRANGER)).isPresent());
        assertEquals(Optional.empty(), trust.distrust(BundleSigning.sign(UNSIGNED, SIGNER)));
    }
}
