/** The detector: a Kafka Streams application built as five stages (ingest, features, scoring, decision, sinks). */
package dev.vigil.detector;
