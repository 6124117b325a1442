package dev.vigil.trainer;

import dev.vigil.contract.ModelContract;
import java.util.List;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

/** The ONNX nodes of each {@link ScoreHead}: the same arithmetic as its Java {@code score}, in fp32. */
final class OnnxScoreHeads {
    private OnnxScoreHeads() {}

    /**
     * The score {@code [N]} of {@code head} from the mean weighted squared error and the activations
     * (the scaled input, then each dense layer's output). PCA also gets outputs {@value ModelContract#T2}
     * and {@value ModelContract#Q}.
     */
    static ONNXRef<?> score(ONNXContext ctx, ScoreHead head, ONNXNode meanError, List<ONNXRef<?>> activations) {
        if (head instanceof ScoreHead.Elbo elbo) {
            return elbo(ctx, elbo, meanError, activations);
        }
        if (head instanceof ScoreHead.Pca pca) {
            return pca(ctx, pca, meanError, activations);
        }
        return meanError;
    }

    /** meanError + klScale·½·k · mean_j(μ² + exp(v) − v − 1). */
    private static ONNXNode elbo(ONNXContext ctx, ScoreHead.Elbo elbo, ONNXNode meanError, List<ONNXRef<?>> acts) {
        ONNXRef<?> mu = acts.get(elbo.codeLayer() + 1);
        ONNXNode v = OnnxExporter.gemm(ctx, acts.get(elbo.codeLayer()), elbo.logVariance(), "vae_log_variance");
        ONNXNode terms = mu.apply(ONNXOperators.MUL, mu)
                .apply(ONNXOperators.ADD, v.apply(OnnxOps.EXP))
                .apply(ONNXOperators.SUB, v)
                .apply(ONNXOperators.SUB, ctx.array("vae_one", new float[] {1f}));
        float scale = elbo.klScale() * 0.5f * elbo.logVariance().out();
        ONNXNode kl =
                OnnxExporter.rowMean(terms).apply(ONNXOperators.MUL, ctx.array("vae_kl_scale", new float[] {scale}));
        return meanError.apply(ONNXOperators.ADD, kl);
    }

    /** rule(T²/T²_lim, Q/Q_lim), with both ratios also as outputs. */
    private static ONNXRef<?> pca(ONNXContext ctx, ScoreHead.Pca pca, ONNXNode meanError, List<ONNXRef<?>> acts) {
        ONNXRef<?> t = acts.get(pca.codeLayer() + 1);
        int k = pca.inverseEigenvalue().length;
        ONNXNode weighted = t.apply(ONNXOperators.MUL, t)
                .apply(ONNXOperators.MUL, ctx.array("pca_inverse_eigenvalue", pca.inverseEigenvalue()));
        ONNXNode t2 = OnnxExporter.rowMean(weighted)
                .apply(ONNXOperators.MUL, ctx.array("pca_t2_scale", new float[] {k / pca.t2Limit()}));
        ONNXNode q = meanError.apply(ONNXOperators.MUL, ctx.array("pca_q_scale", new float[] {1f / pca.qLimit()}));
        ctx.assignTo(t2.apply(OnnxOps.IDENTITY), ctx.floatOutput(ModelContract.T2, 1));
        ctx.assignTo(q.apply(OnnxOps.IDENTITY), ctx.floatOutput(ModelContract.Q, 1));
        return switch (pca.rule()) {
            case EITHER -> ctx.operation(OnnxOps.MAX, List.of(t2, q), "pca_either", java.util.Map.of());
            case BOTH -> ctx.operation(OnnxOps.MIN, List.of(t2, q), "pca_both", java.util.Map.of());
            case Q -> q;
            case T2 -> t2;
        };
    }
}
