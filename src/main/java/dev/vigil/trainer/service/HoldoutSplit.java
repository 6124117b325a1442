package dev.vigil.trainer.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits collected segments by time: the older part of every segment trains the candidate, the most
 * recent part is held out as windows on which candidate and current model are compared.
 *
 * @param training the training sequences (one per segment with rows left after the cut)
 * @param holdout the held-out windows
 */
public record HoldoutSplit(List<double[][]> training, HoldoutWindows holdout) {
    /**
     * @param segments the collected runs of consecutive records
     * @param window the model's window length W
     * @param fraction share of each segment's most recent records held out, in (0, 1)
     * @param currentVersion the version in use; a held-out window carries the detector's score only
     *     when that version scored it (otherwise NaN)
     */
    public static HoldoutSplit of(List<Segment> segments, int window, double fraction, long currentVersion) {
        List<double[][]> training = new ArrayList<>();
        HoldoutWindows.Builder holdout = new HoldoutWindows.Builder(window);
        for (Segment segment : segments) {
            int cut = segment.length() - (int) Math.round(segment.length() * fraction);
            if (cut > 0) {
                training.add(Arrays.copyOfRange(segment.rows(), 0, cut));
            }
            int first = cut + window - 1;
            for (int end = first; end < segment.length(); end++) {
                boolean scoredByCurrent = segment.versions()[end] == currentVersion;
                holdout.add(segment.rows(), end, scoredByCurrent ? segment.scores()[end] : Double.NaN, end == first);
            }
        }
        return new HoldoutSplit(training, holdout.build());
    }
}
