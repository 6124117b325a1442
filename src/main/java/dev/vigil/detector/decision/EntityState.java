package dev.vigil.detector.decision;

/**
 * Everything the decision stage remembers about one entity.
 *
 * @param scores streaming quantile of its scores (adaptive thresholds)
 * @param alert its alert lifecycle
 */
public record EntityState(P2Quantile scores, AlertState alert) {}
