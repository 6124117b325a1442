/**
 * JMH micro-benchmarks: ONNX Runtime scoring per batch size against the pure-Java forward pass, and
 * whole training runs of one and of three epochs. Run with
 * {@code java -cp "target/vigil.jar:target/lib/*" org.openjdk.jmh.Main}.
 */
package dev.vigil.bench.jmh;
