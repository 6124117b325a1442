/** Operations: metrics, health endpoints, the embedded broker, the simulator. */
package dev.vigil.ops;
