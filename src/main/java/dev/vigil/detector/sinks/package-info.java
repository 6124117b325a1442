/** Stage 5: output records for the scored, alerts and dead-letter topics. */
package dev.vigil.detector.sinks;
