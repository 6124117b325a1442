package dev.vigil.trainer;

import dev.vigil.contract.avro.ModelBundle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What operators' feedback changed in a bundle's training data, recorded in its training config
 * ({@code TrainingSummary.config}) so the bundle carries it: rows of false alarms added back as
 * normal data, and rows of confirmed anomalies removed.
 *
 * @param falseAlarmRowsAdded rows of stretches called false alarms, trained on as normal data
 * @param confirmedRowsRemoved rows of stretches confirmed as anomalies, left out
 */
public record FeedbackRows(int falseAlarmRowsAdded, int confirmedRowsRemoved) {
    /** No feedback, no change. */
    public static final FeedbackRows NONE = new FeedbackRows(0, 0);

    /** Config key of {@link #falseAlarmRowsAdded}. */
    public static final String ADDED = "feedback.false_alarm.rows.added";
    /** Config key of {@link #confirmedRowsRemoved}. */
    public static final String REMOVED = "feedback.confirmed_anomaly.rows.removed";

    /** {@code bundle} with these figures in its training config. */
    public ModelBundle recordedIn(ModelBundle bundle) {
        ModelBundle copy = ModelBundle.newBuilder(bundle).build();
        Map<String, String> config = new HashMap<>(copy.getTraining().getConfig());
        config.put(ADDED, Integer.toString(falseAlarmRowsAdded));
        config.put(REMOVED, Integer.toString(confirmedRowsRemoved));
        copy.getTraining().setConfig(config);
        return copy;
    }

    /** The figures {@code bundle} records, if it records any. */
    public static Optional<FeedbackRows> of(ModelBundle bundle) {
        Map<String, String> config = bundle.getTraining().getConfig();
        if (config == null || !config.containsKey(ADDED) || !config.containsKey(REMOVED)) {
            return Optional.empty();
        }
        return Optional.of(new FeedbackRows(
                Integer.parseInt(config.get(ADDED).toString()),
                Integer.parseInt(config.get(REMOVED).toString())));
    }
}
