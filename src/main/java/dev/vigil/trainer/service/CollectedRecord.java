package dev.vigil.trainer.service;

/**
 * One kept record: an entity's feature values at an event time, with the score the detector gave
 * it and the model version that gave it (NaN and -1 when it was not scored, as in bootstrap data).
 *
 * @param entity the entity (Kafka key)
 * @param timestamp event time, epoch milliseconds
 * @param values the feature values, in model order
 * @param score the detector's score of the window ending at this record, or NaN
 * @param modelVersion the version of the bundle that scored it, or -1
 * @param segment the entity's run of consecutive kept records this one belongs to
 * @param arrival its place among the entity's records offered to the collection, kept or not
 */
record CollectedRecord(
        String entity, long timestamp, double[] values, double score, long modelVersion, long segment, long arrival) {}
