/** Throughput and latency benchmarks. */
package dev.vigil.bench;
