/** Stage 3: feature vectors to reconstruction errors through ONNX Runtime (inference only; models come from {@code detector.models}). */
package dev.vigil.detector.scoring;
