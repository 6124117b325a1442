/** The detector's configuration keys, their checks, and the decoders and feature lists they select. */
package dev.vigil.detector.config;
