/** The small neural-network core: dense layers, activations, losses, optimisers, on flat float buffers. */
package dev.vigil.nn;
