/**
 * The detector: a Kafka Streams application built as five stages (ingest, features, scoring,
 * decision, sinks). {@link dev.vigil.detector.Detector} starts it: the bundle sources fill the model
 * holder ({@code detector.models}), {@code detector.topology} wires the stage packages into Kafka
 * Streams processors, and everything reports through {@code detector.events}.
 */
package dev.vigil.detector;
