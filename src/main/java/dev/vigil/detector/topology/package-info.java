/**
 * The Kafka Streams topology and its thin processors, which wrap the pure stage packages: the ingest
 * processor, and one node per model group running features, scoring batch and decision as plain
 * method calls ({@code GroupStages}: without routing the ingest node runs them too, so a record is
 * forwarded once, to a sink); the feedback topic's processor, the group router, the scoring buffer's codec, and the processing-error
 * handler that dead-letters what a processor throws.
 */
package dev.vigil.detector.topology;
