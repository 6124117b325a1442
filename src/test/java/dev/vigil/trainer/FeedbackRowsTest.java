package dev.vigil.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.testkit.TestBundles;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedbackRowsTest {
    @Test
    void theRowsFeedbackChangedTravelInTheBundlesTrainingConfig() {
        ModelBundle plain = TestBundles.linear(1);
        ModelBundle recorded = new FeedbackRows(154, 80).recordedIn(plain);
        assertEquals(Optional.of(new FeedbackRows(154, 80)), FeedbackRows.of(recorded));
        assertEquals(Optional.empty(), FeedbackRows.of(plain), "the original is left as it was");
    }

    @Test
    void theTrainingReportShowsThemOnlyWhenTheBundleRecordsThem() {
        LossHistory history = new LossHistory();
        history.add(0.5, 0.6);
        double[] scores = {0.1, 0.2, 0.3};
        ModelBundle recorded = new FeedbackRows(12, 3).recordedIn(TestBundles.linear(1));
        String with = HtmlReport.render(new TrainingOutcome(recorded, null, history, scores));
        String without = HtmlReport.render(new TrainingOutcome(TestBundles.linear(1), null, history, scores));
        assertTrue(with.contains("rows added from false alarms (feedback)</td><td>12"), with);
        assertTrue(with.contains("rows removed as confirmed anomalies (feedback)</td><td>3"), with);
        assertFalse(without.contains("feedback"), without);
    }
}
