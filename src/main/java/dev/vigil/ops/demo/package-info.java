/**
 * Pieces of {@code vigil demo} that need no Kafka: following alert lifecycles and scoring them
 * against the simulator's ground truth (caught, missed, false alerts, detection delay).
 */
package dev.vigil.ops.demo;
