/** Stage 4: scores to verdicts and alert lifecycles. Pure classes: no Kafka, no ONNX Runtime. */
package dev.vigil.detector.decision;
