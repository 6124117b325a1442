package dev.vigil.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.TrainingSummary;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreSmoothingTest {
    @Test
    void spanOneLeavesScoresAsTheyAre() {
        float[] scores = {3, 0, 7, 1};
        assertArrayEquals(scores, new ScoreSmoothing(1).smooth(scores));
    }

    @Test
    void spanThreeMovesHalfWayToEachNewScoreStartingAtTheFirst() {
        assertArrayEquals(new float[] {0, 2, 3, 1.5f}, new ScoreSmoothing(3).smooth(new float[] {0, 4, 4, 0}));
    }

    @Test
    void aBundleWithoutASpanIsNotSmoothedAndOneWithASpanIsSmoothedWithIt() {
        assertEquals(1, ScoreSmoothing.of(bundle(Map.of())).span());
        assertEquals(
                5,
                ScoreSmoothing.of(bundle(Map.of(ScoreSmoothing.CONFIG_KEY, "5")))
                        .span());
    }

    @Test
    void aSpanThatIsNotAPositiveIntegerIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ScoreSmoothing.of(bundle(Map.of(ScoreSmoothing.CONFIG_KEY, "five"))));
        assertThrows(IllegalArgumentException.class, () -> new ScoreSmoothing(0));
    }

    private static ModelBundle bundle(Map<String, String> config) {
        ModelBundle bundle = new ModelBundle();
        bundle.setTraining(new TrainingSummary(1L, 1, 0.0, 0.0, 0L, 1L, config));
        return bundle;
    }
}
