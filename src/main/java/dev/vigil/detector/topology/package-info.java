/**
 * The Kafka Streams topology and its four thin processors (ingest, features, scoring, decision), which
 * wrap the pure stage packages; the scoring buffer's codec, the decision processor's sealed input, and
 * the processing-error handler that dead-letters what a processor throws.
 */
package dev.vigil.detector.topology;
