package dev.vigil.trainer;

import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.contract.avro.TrainingSummary;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an imported bundle says about its making: the scoring settings it was calibrated with (the
 * trainer's defaults, with the requested scaler) and, in place of training figures, the calibration
 * sample: its window count and mean squared reconstruction error (scaled space, unweighted), and the
 * imported file's name, SHA-256, input and output under {@code import.*} in the config map.
 */
record ImportSummary(ImportRequest request, ImportedGraph io, byte[] userBytes, double meanError, int windows) {
    /** The trainer configuration whose scoring part calibrates the bundle. */
    TrainerConfig config() {
        return TrainerConfig.defaults()
                .withScoring(ScoringParams.defaults().withScaler(ScalerChoice.of(request.scaler())));
    }

    /** The training summary: no epochs, the calibration error as both losses. */
    TrainingSummary training(long millis) {
        return TrainingSummary.newBuilder()
                .setSamples(windows)
                .setEpochs(0)
                .setTrainLoss(meanError)
                .setValidationLoss(meanError)
                .setDurationMs(millis)
                .setSeed(0)
                .setConfig(configMap())
                .build();
    }

    private Map<String, String> configMap() {
        ScoringParams scoring = config().scoring();
        Map<String, String> m = new TreeMap<>();
        m.put("variant", ModelImport.VARIANT);
        m.put("window", Integer.toString(request.window()));
        m.put("scaler", request.scaler().name());
        m.put("thresholdQuantile", Double.toString(scoring.thresholdQuantile()));
        m.put("errorNormalisation", Boolean.toString(scoring.errorNormalisation()));
        m.put(ScoreSmoothing.CONFIG_KEY, Integer.toString(scoring.scoreSmoothing()));
        m.put("tailDepth", Integer.toString(scoring.tailDepth()));
        m.put("import.file", request.onnx().getFileName().toString());
        m.put("import.sha256", BundleSigning.sha256Hex(ByteBuffer.wrap(userBytes)));
        m.put("import.input", io.input().getName());
        m.put("import.output", io.output().getName());
        return m;
    }
}
