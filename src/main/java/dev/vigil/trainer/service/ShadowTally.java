package dev.vigil.trainer.service;

/**
 * The live readings a shadow candidate has scored so far, summed over every detector's batches, and
 * how many of them each model put above its own threshold.
 *
 * @param readings live readings scored by both models
 * @param shadowAnomalous of those, above the shadow candidate's threshold
 * @param liveAnomalous of those, above the live model's threshold
 */
public record ShadowTally(long readings, long shadowAnomalous, long liveAnomalous) {
    /** Nothing counted yet. */
    public static final ShadowTally EMPTY = new ShadowTally(0, 0, 0);

    /** This tally with one batch's counts added. */
    public ShadowTally plus(long batchReadings, long batchShadowAnomalous, long batchLiveAnomalous) {
        return new ShadowTally(
                readings + batchReadings, shadowAnomalous + batchShadowAnomalous, liveAnomalous + batchLiveAnomalous);
    }

    /** The shadow candidate's alert rate: share of readings above its threshold (NaN before any). */
    public double shadowRate() {
        return readings == 0 ? Double.NaN : (double) shadowAnomalous / readings;
    }

    /** The live model's alert rate on the same readings (NaN before any). */
    public double liveRate() {
        return readings == 0 ? Double.NaN : (double) liveAnomalous / readings;
    }
}
