package dev.vigil.detector.decision;

import dev.vigil.contract.avro.Direction;
import dev.vigil.contract.avro.FeatureContribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What contributed most to a score: the model's own statistics first, if it has any (a PCA model's
 * T² and Q, largest first), then the features, largest reconstruction error first.
 */
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

    /** Prefix of a contributor that is a statistic of the model rather than a feature: {@code statistic:q}. */
    public static final String STATISTIC_PREFIX = "statistic:";

    /**
     * {@code features} after one contributor per statistic, largest first: actual = the statistic
     * divided by its limit, expected = 1 (the limit), error = actual, ABOVE when it fired.
     */
    public static List<FeatureContribution> withStatistics(
            Map<String, Float> statistics, List<FeatureContribution> features) {
        if (statistics.isEmpty()) {
            return features;
        }
        List<FeatureContribution> all = new ArrayList<>();
        statistics.entrySet().stream()
                .sorted(Map.Entry.<String, Float>comparingByValue().reversed())
                .forEach(s -> all.add(contribution(STATISTIC_PREFIX + s.getKey(), s.getValue(), 1.0, s.getValue())));
        all.addAll(features);
        return all;
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
