package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.trainer.PcaRule;
import dev.vigil.trainer.TrainerConfig;
import dev.vigil.trainer.VaeScore;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code vigil evaluate} selects the variational score and the PCA rule; left out, the trainer's defaults. */
class TrainerOptionsTest {
    private static TrainerConfig parse(String... args) {
        EvaluateCommand command = new EvaluateCommand();
        new CommandLine(command).parseArgs(args);
        return command.trainer.config(1);
    }

    @Test
    void defaultsAreElboAndEither() {
        TrainerConfig config = parse("--dataset", "d");
        assertEquals(VaeScore.ELBO, config.variational().score());
        assertEquals(PcaRule.EITHER, config.pca().rule());
    }

    @Test
    void vaeScoreAndPcaRuleAreSelectable() {
        TrainerConfig config = parse("--dataset", "d", "--vae-score", "mean_error", "--pca-rule", "both");
        assertEquals(VaeScore.MEAN_ERROR, config.variational().score());
        assertEquals(PcaRule.BOTH, config.pca().rule());
        assertEquals(
                "mean_error",
                config.withVariant(dev.vigil.trainer.Variant.VARIATIONAL)
                        .asMap()
                        .get("vaeScore"));
        assertEquals(
                "both",
                config.withVariant(dev.vigil.trainer.Variant.PCA).asMap().get("pcaRule"));
    }

    @Test
    void anUnknownRuleNamesTheKeyAndTheChoices() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> parse("--dataset", "d", "--pca-rule", "any"));
        assertEquals("pcaRule: unknown pcaRule 'any'; choose one of either, both, q, t2", e.getMessage());
    }
}
