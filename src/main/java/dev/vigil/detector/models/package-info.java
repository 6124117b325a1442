/**
 * The model in service: the reference-counted holder and its leases, bundle validation and signature
 * trust, and the three bundle sources (file, directory, models topic) behind {@link
 * dev.vigil.detector.models.BundleSource}.
 */
package dev.vigil.detector.models;
