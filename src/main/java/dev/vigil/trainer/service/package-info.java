/**
 * The continuously running trainer service: collects recent normal records from the scored stream,
 * watches the live score distribution for drift, retrains on a schedule or on drift, gates each
 * candidate against the model in use on recent normal data, and publishes the signed winner.
 * The collection, drift, gate and schedule logic are pure classes; {@link
 * dev.vigil.trainer.service.TrainerService} wires them to Kafka.
 */
package dev.vigil.trainer.service;
