/** Stage 1: bytes to a reading, or a rejection with its reason (Avro single-object, JSON, field mapping, validation). */
package dev.vigil.detector.ingest;
