/**
 * The Kafka Streams topology and its thin processors (ingest, features, scoring, decision, and the
 * feedback topic's), which wrap the pure stage packages; the scoring buffer's codec, the decision processor's sealed input, and
 * the processing-error handler that dead-letters what a processor throws.
 */
package dev.vigil.detector.topology;
