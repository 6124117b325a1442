/**
 * Dataset files as tables, read the same way by the {@code train} command, the trainer service and the
 * evaluation: CSV with a header row. Depends on no other Vigil package.
 */
package dev.vigil.dataset;
