/**
 * A seeded simulator of pumps with correlated sensors (flow, pressure, motor current, temperature,
 * vibration), daily cycles and noise, and injected anomalies whose ground truth is recorded, so a
 * demo or an evaluation can count caught, missed and false alerts.
 */
package dev.vigil.ops.simulator;
