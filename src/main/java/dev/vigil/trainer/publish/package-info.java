/**
 * The trainer's side of the model topics: publishing bundles to {@code vigil.models} (compacted, key =
 * group, the current bundle of each group) and {@code vigil.models.history} (every version ever
 * published), reading the history back, and choosing what a rollback republishes. Depends only on
 * kafka-clients and the contract.
 */
package dev.vigil.trainer.publish;
