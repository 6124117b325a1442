/** What happens inside the detector, for metrics and logs. A leaf: it depends on no other detector package. */
package dev.vigil.detector.events;
