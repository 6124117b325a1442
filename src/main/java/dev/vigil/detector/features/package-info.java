/** Stage 2: a reading to a feature vector (model order, missing-value policy, per-entity windows). */
package dev.vigil.detector.features;
