/** The trainer: data collection, autoencoder variants, training loop, calibration, ONNX export, publishing. */
package dev.vigil.trainer;
