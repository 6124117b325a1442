package dev.vigil.trainer;

import ai.onnx.proto.OnnxMl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the {@link ScoreHead} of a graph this trainer exported, from its {@code metadata_props}
 * (the choice and its scalar constants, written with {@link Float#toString} so they round-trip
 * exactly) and its initializers; the plain mean error for a graph without such entries.
 */
final class BundleHeads {
    private BundleHeads() {}

    static ScoreHead read(OnnxMl.ModelProto model, Map<String, OnnxMl.TensorProto> initialisers) {
        Map<String, String> meta = new HashMap<>();
        model.getMetadataPropsList().forEach(e -> meta.put(e.getKey(), e.getValue()));
        if (meta.containsKey(PcaRule.METADATA_KEY)) {
            return new ScoreHead.Pca(
                    0,
                    BundleModels.values(initialiser(initialisers, "pca_inverse_eigenvalue")),
                    Float.parseFloat(meta.get("pca.t2_limit")),
                    Float.parseFloat(meta.get("pca.q_limit")),
                    PcaRule.parse(meta.get(PcaRule.METADATA_KEY)));
        }
        String vae = meta.get(VaeScore.METADATA_KEY);
        if (vae != null && VaeScore.parse(vae) == VaeScore.ELBO) {
            return elbo(model.getGraph(), initialisers, Float.parseFloat(meta.get("vae.kl_scale")));
        }
        return vae == null ? ScoreHead.MeanError.PLAIN : new ScoreHead.MeanError(Map.of(VaeScore.METADATA_KEY, vae));
    }

    /** The log-variance Gemm reads the input of the dense layer that gives μ: that layer is the code layer. */
    private static ScoreHead elbo(
            OnnxMl.GraphProto graph, Map<String, OnnxMl.TensorProto> initialisers, float klScale) {
        List<OnnxMl.NodeProto> gemms = graph.getNodeList().stream()
                .filter(n -> n.getOpType().equals("Gemm"))
                .toList();
        OnnxMl.NodeProto logVariance = gemms.stream()
                .filter(n -> n.getInput(1).startsWith("vae_log_variance_w"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("bundle: -ELBO score without a log-variance layer"));
        List<OnnxMl.NodeProto> dense =
                gemms.stream().filter(n -> n.getInput(1).startsWith("dense_w")).toList();
        int codeLayer = -1;
        for (int i = 0; i < dense.size() && codeLayer < 0; i++) {
            codeLayer = dense.get(i).getInput(0).equals(logVariance.getInput(0)) ? i : -1;
        }
        if (codeLayer < 0) {
            throw new IllegalArgumentException("bundle: the log-variance layer reads no dense layer's input");
        }
        OnnxMl.TensorProto w = initialisers.get(logVariance.getInput(1));
        DenseLayer layer = new DenseLayer(
                (int) w.getDims(0),
                (int) w.getDims(1),
                BundleModels.values(w),
                BundleModels.values(initialisers.get(logVariance.getInput(2))),
                dev.vigil.nn.Activation.IDENTITY);
        return new ScoreHead.Elbo(codeLayer, layer, klScale);
    }

    private static OnnxMl.TensorProto initialiser(Map<String, OnnxMl.TensorProto> initialisers, String prefix) {
        return initialisers.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("bundle: no initializer " + prefix));
    }
}
