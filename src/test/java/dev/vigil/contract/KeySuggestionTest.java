package dev.vigil.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeySuggestionTest {
    private static final List<String> KNOWN = List.of("threshold.mode", "alert.k", "alert.n", "input.topic");

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, KeySuggestion.distance("alert.k", "alert.k"));
        assertEquals(1, KeySuggestion.distance("treshold.mode", "threshold.mode"));
        assertEquals(1, KeySuggestion.distance("alert.k", "alert.n"));
        assertEquals(3, KeySuggestion.distance("kitten", "sitting"));
    }

    @Test
    void theFirstUnknownKeyIsRefusedWithItsNearestKnownKey() {
        assertEquals(
                Optional.of("unknown key `alert.kk` (from the file, or VIGIL_ALERT_KK); did you mean `alert.k`?"),
                KeySuggestion.unknownKey(List.of("input.topic", "alert.kk", "zz.top"), KNOWN, "kafka."));
    }

    @Test
    void knownAndPassThroughKeysAreAccepted() {
        assertTrue(KeySuggestion.unknownKey(List.of("alert.k", "kafka.anything.goes"), KNOWN, "kafka.")
                .isEmpty());
    }
}
