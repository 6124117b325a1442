package dev.vigil.trainer;

import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.Probe;
import dev.vigil.contract.avro.ScalerParams;
import dev.vigil.contract.avro.TrainingSummary;
import java.time.Instant;
import java.util.List;

/** Puts the parts of a trained model into a {@link ModelBundle}, exporting the ONNX graph last. */
final class BundleAssembler {
    private BundleAssembler() {}

    record Parts(
            String group,
            long version,
            TrainerConfig config,
            List<String> featureNames,
            int window,
            ScalerParams scaler,
            List<Double> featureMeans,
            Calibration calibration,
            ModelTrainer.Fitted fitted,
            TrainingSummary summary,
            Probe probe,
            Instant createdAt) {}

    static ModelBundle assemble(Parts p) {
        ModelBundle bundle = ModelBundle.newBuilder()
                .setGroup(p.group())
                .setVersion(p.version())
                .setVariant(p.config().variant().cliName())
                .setCreatedAt(p.createdAt())
                .setFeatureNames(p.featureNames())
                .setWindowLength(p.window())
                .setScaler(p.scaler())
                .setFeatureMeans(p.featureMeans())
                .setThresholds(p.calibration()
                        .thresholds(
                                p.config().scoring().thresholdQuantile(),
                                p.fitted().model().head().fixedThreshold()))
                .setValidationQuantiles(p.calibration().levels())
                .setTails(p.calibration().tails(p.config().scoring().tailDepth()))
                .setTraining(p.summary())
                .setProbe(p.probe())
                .setOnnx(ModelTrainer.wrap(new byte[0]))
                .setSha256("")
                .setRollback(false)
                .setKeyId(null)
                .setSignature(null)
                .build();
        byte[] onnx = OnnxExporter.export(
                p.fitted().model(),
                "vigil_" + bundle.getVariant(),
                Manifest.json(bundle, p.fitted().model().head()));
        bundle.setOnnx(ModelTrainer.wrap(onnx));
        bundle.setSha256(BundleSigning.sha256Hex(java.nio.ByteBuffer.wrap(onnx)));
        return bundle;
    }
}
