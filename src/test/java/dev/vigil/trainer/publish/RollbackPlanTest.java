package dev.vigil.trainer.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.SigningKeys;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.testkit.TestBundles;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RollbackPlanTest {
    private final List<ModelBundle> history = List.of(
            BundleSigning.sign(TestBundles.random("g", 1, 1), SigningKeys.generate()),
            TestBundles.random("g", 2, 2),
            TestBundles.random("g", 3, 3));

    @Test
    void byDefaultTheHighestOlderVersionComesBackFlaggedAndUnsigned() {
        ModelBundle chosen = RollbackPlan.choose(history, history.get(2), OptionalLong.empty());

        assertEquals(2L, chosen.getVersion());
        assertTrue(chosen.getRollback());
    }

    @Test
    void anExplicitVersionIsChosenAndItsOldSignatureDropped() {
        ModelBundle chosen = RollbackPlan.choose(history, history.get(2), OptionalLong.of(1));

        assertEquals(1L, chosen.getVersion());
        assertNull(chosen.getSignature());
        assertNull(chosen.getKeyId());
    }

    @Test
    void rollingBackFromARollbackGoesFurtherBack() {
        ModelBundle rolledBack = RollbackPlan.choose(history, history.get(2), OptionalLong.empty());

        assertEquals(
                1L,
                RollbackPlan.choose(history, rolledBack, OptionalLong.empty()).getVersion());
    }

    @Test
    void anUnknownOrCurrentVersionIsRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> RollbackPlan.choose(history, history.get(2), OptionalLong.of(9)));
        assertThrows(
                IllegalArgumentException.class, () -> RollbackPlan.choose(history, history.get(2), OptionalLong.of(3)));
    }
}
