package dev.vigil.trainer;

import static dev.vigil.trainer.ConfigChecks.require;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters only one {@link Variant} uses. A configuration holds one of each record whatever
 * its variant, so switching the variant keeps them; only the variant's own are recorded in the
 * bundle. Invalid values fail on construction naming the key.
 */
public sealed interface VariantParams {
    /** The parameters by key, as the bundle's training summary records them. */
    Map<String, String> describe();

    /**
     * Denoising: the input is corrupted before encoding and the clean input rebuilt.
     *
     * @param maskingNoise fraction ν of inputs set to zero, in [0, 1)
     * @param gaussianNoise standard deviation σ, >= 0, of added Gaussian noise (scaled units)
     */
    record Denoising(double maskingNoise, double gaussianNoise) implements VariantParams {
        /** Validates both values. */
        public Denoising {
            require(maskingNoise >= 0 && maskingNoise < 1, "maskingNoise", "must be in [0, 1), got " + maskingNoise);
            require(gaussianNoise >= 0, "gaussianNoise", "must be >= 0, got " + gaussianNoise);
        }

        /** ν = 0.1 and σ = 0.1. */
        public static Denoising defaults() {
            return new Denoising(0.1, 0.1);
        }

        @Override
        public Map<String, String> describe() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("maskingNoise", Double.toString(maskingNoise));
            m.put("gaussianNoise", Double.toString(gaussianNoise));
            return m;
        }
    }

    /**
     * Sparse: a penalty on the code.
     *
     * @param kind L1 on the code, or KL of the mean sigmoid code to ρ
     * @param weight weight of the penalty, >= 0 (key {@code sparsityWeight})
     * @param target the KL penalty's target mean activation ρ, in (0, 1) (key {@code sparsityTarget})
     */
    record Sparsity(SparsityKind kind, double weight, double target) implements VariantParams {
        /** Validates every value. */
        public Sparsity {
            require(kind != null, "sparsity", "must be l1 or kl, got null");
            require(weight >= 0, "sparsityWeight", "must be >= 0, got " + weight);
            require(target > 0 && target < 1, "sparsityTarget", "must be in (0, 1), got " + target);
        }

        /** L1 with weight 1e-3 (ρ = 0.05 for KL). */
        public static Sparsity defaults() {
            return new Sparsity(SparsityKind.L1, 1e-3, 0.05);
        }

        /** A copy with this penalty weight. */
        public Sparsity withWeight(double weight) {
            return new Sparsity(kind, weight, target);
        }

        /** The penalty on a code of {@code width} units. */
        CodePenalty penalty(int width) {
            return kind.penalty(weight, target, width);
        }

        @Override
        public Map<String, String> describe() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("sparsity", kind.cliName());
            m.put("sparsityWeight", Double.toString(weight));
            m.put("sparsityTarget", Double.toString(target));
            return m;
        }
    }

    /**
     * Contractive: a penalty on the code layer's Jacobian.
     *
     * @param weight weight λ of the penalty, >= 0 (key {@code contractiveWeight})
     */
    record Contractive(double weight) implements VariantParams {
        /** Validates the weight. */
        public Contractive {
            require(weight >= 0, "contractiveWeight", "must be >= 0, got " + weight);
        }

        /** λ = 0.05. */
        public static Contractive defaults() {
            return new Contractive(0.05);
        }

        @Override
        public Map<String, String> describe() {
            return Map.of("contractiveWeight", Double.toString(weight));
        }
    }

    /**
     * Variational: a Gaussian code pulled towards N(0, I).
     *
     * @param klWeight weight β of the KL term, >= 0
     * @param score what the exported score is (key {@code vaeScore}); −ELBO by default
     */
    record Variational(double klWeight, VaeScore score) implements VariantParams {
        /** Validates both values. */
        public Variational {
            require(klWeight >= 0, "klWeight", "must be >= 0, got " + klWeight);
            require(score != null, "vaeScore", "must be set");
        }

        /** Weight β, scoring −ELBO. */
        public Variational(double klWeight) {
            this(klWeight, VaeScore.ELBO);
        }

        /** β = 1, score −ELBO. */
        public static Variational defaults() {
            return new Variational(1.0);
        }

        /** A copy scoring {@code score}. */
        public Variational withScore(VaeScore score) {
            return new Variational(klWeight, score);
        }

        @Override
        public Map<String, String> describe() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("klWeight", Double.toString(klWeight));
            m.put("vaeScore", score.cliName());
            return m;
        }
    }

    /**
     * PCA: how Hotelling's T² and the residual Q are combined into the score.
     *
     * @param rule either (default), both, q or t2 (key {@code pcaRule})
     */
    record Pca(PcaRule rule) implements VariantParams {
        /** Validates the rule. */
        public Pca {
            require(rule != null, "pcaRule", "must be either, both, q or t2, got null");
        }

        /** Anomalous when either statistic exceeds its limit. */
        public static Pca defaults() {
            return new Pca(PcaRule.EITHER);
        }

        @Override
        public Map<String, String> describe() {
            return Map.of("pcaRule", rule.cliName());
        }
    }

    /**
     * Deep: several hidden layers.
     *
     * @param pretrain greedy layer-wise pretraining before fine-tuning
     */
    record Deep(boolean pretrain) implements VariantParams {
        /** No pretraining. */
        public static Deep defaults() {
            return new Deep(false);
        }

        @Override
        public Map<String, String> describe() {
            return Map.of("pretrain", Boolean.toString(pretrain));
        }
    }
}
