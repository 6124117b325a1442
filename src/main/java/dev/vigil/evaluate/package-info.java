/** Detection-quality evaluation on labelled datasets through the real detector topology. */
package dev.vigil.evaluate;
