/** The picocli commands of the vigil launcher. */
package dev.vigil.cli;
