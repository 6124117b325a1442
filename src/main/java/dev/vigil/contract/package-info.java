/** The contract shared by detector and trainer: the ONNX tensor interface, bundle files, Avro codecs. No Kafka, no ONNX Runtime. */
package dev.vigil.contract;
