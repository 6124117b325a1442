package dev.vigil.evaluate;

import java.util.Map;

/**
 * What the detector did not score of one entity's rows: an evaluation that counts such rows as
 * misses measures the input, not the detector, so {@code vigil evaluate} prints them and fails
 * unless told to allow them.
 *
 * @param entity the entity
 * @param unscoredRows test rows without a scored reading
 * @param deadLetters dead letters by reason (test and warm-up rows)
 * @param examples the first message of each reason
 */
public record Unscored(String entity, long unscoredRows, Map<String, Long> deadLetters, Map<String, String> examples) {}
