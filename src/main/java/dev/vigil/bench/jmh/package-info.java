/**
 * JMH micro-benchmarks: ONNX Runtime scoring per batch size against the pure-Java forward pass, and
 * one training epoch. Run with {@code java -cp "target/vigil.jar:target/lib/*" org.openjdk.jmh.Main}.
 */
package dev.vigil.bench.jmh;
