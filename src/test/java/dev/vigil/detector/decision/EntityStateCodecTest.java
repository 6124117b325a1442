package dev.vigil.detector.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.ScoreSmoothing;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EntityStateCodecTest {
    private final EntityStateCodec codec = new EntityStateCodec(0.99, new AlertTracker(new AlertRules(2, 3, 2, 0, 1)));

    @Test
    void theSmoothedScoreSurvivesARoundTrip() {
        EntityState state = codec.fresh();
        ScoreSmoothing span3 = new ScoreSmoothing(3);
        state.smoothed().update(4.0, "pumps", 7, span3);
        EntityState read = codec.decode(codec.encode(state));
        assertEquals(3.0, read.smoothed().update(2.0, "pumps", 7, span3), 1e-12, "continues from 4: (4 + 2) / 2");
    }

    @Test
    void aStateWrittenBeforeScoreSmoothingIsReadWithAFreshSmoothedScore() {
        EntityState state = codec.fresh();
        state.alert().open = true;
        state.smoothed().update(4.0, "pumps", 7, new ScoreSmoothing(3));
        byte[] bytes = codec.encode(state);
        int suffix = Double.BYTES + 1 + 2 + "pumps".length() + Long.BYTES;
        byte[] formatOne = Arrays.copyOf(bytes, bytes.length - suffix);
        ByteBuffer.wrap(formatOne).putInt(0, 1);
        EntityState read = codec.decode(formatOne);
        assertTrue(read.alert().isOpen());
        assertFalse(read.smoothed().started);
        assertEquals(2.0, read.smoothed().update(2.0, "pumps", 7, new ScoreSmoothing(3)), 1e-12);
    }

    @Test
    void anotherModelRestartsTheSmoothedScore() {
        SmoothedScore s = new SmoothedScore();
        ScoreSmoothing span3 = new ScoreSmoothing(3);
        s.update(4.0, "pumps", 7, span3);
        assertEquals(1.0, s.update(1.0, "pumps", 8, span3), 1e-12);
    }
}
