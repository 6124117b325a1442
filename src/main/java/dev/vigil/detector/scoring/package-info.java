/** Stage 3: feature vectors to reconstruction errors through ONNX Runtime; the hot-swappable model holder. */
package dev.vigil.detector.scoring;
