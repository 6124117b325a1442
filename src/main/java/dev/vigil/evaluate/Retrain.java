package dev.vigil.evaluate;

/**
 * One retraining attempt of an online evaluation.
 *
 * @param row the test row after which it ran (the swap takes effect from the next row on)
 * @param time its event time, epoch milliseconds
 * @param trigger why the trainer's schedule started it (SCHEDULE or DRIFT)
 * @param version the version it trained
 * @param swapped whether the gate accepted it and the detector hot-swapped it in
 * @param reason the gate's reason, or why nothing was trained
 */
public record Retrain(int row, long time, String trigger, long version, boolean swapped, String reason) {}
