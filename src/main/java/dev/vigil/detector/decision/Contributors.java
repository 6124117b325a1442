package dev.vigil.detector.decision;

import dev.vigil.contract.avro.Direction;
import dev.vigil.contract.avro.FeatureContribution;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The features that contributed most to a score: largest reconstruction error first. */
public final class Contributors {
    private Contributors() {}

    /** The top {@code k} features with actual and expected value, error and direction. */
    public static List<FeatureContribution> top(
            List<String> names, float[] actual, float[] expected, float[] errors, int k) {
        return IntStream.range(0, names.size())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer f) -> errors[f]).reversed())
                .limit(k)
                .map(f -> contribution(names.get(f), actual[f], expected[f], errors[f]))
                .toList();
    }

    private static FeatureContribution contribution(String name, double actual, double expected, double error) {
        return FeatureContribution.newBuilder()
                .setFeature(name)
                .setActual(actual)
                .setExpected(expected)
                .setError(error)
                .setDirection(actual >= expected ? Direction.ABOVE : Direction.BELOW)
                .build();
    }
}
