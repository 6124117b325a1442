package dev.vigil.trainer;

import dev.vigil.contract.avro.ScalerKind;
import dev.vigil.nn.Activation;
import dev.vigil.nn.Loss;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Immutable hyper-parameters of one training run. Build with {@link #builder()}; {@link #defaults()}
 * suits sensor data such as ASD (19 features in [0,1]): automatic scaling (none for data already in
 * [0, 1], else z-score), per-feature error normalisation, an automatically sized
 * undercomplete network, Adam, early stopping on a 20% time-ordered validation tail and a threshold
 * at the 0.995 quantile of validation scores. Invalid values fail in {@link Builder#build()} with an
 * {@link IllegalArgumentException} naming the parameter.
 */
public final class TrainerConfig {
    private final Variant variant;
    private final int[] layers;
    private final int window;
    private final int epochs;
    private final int batchSize;
    private final double learningRate;
    private final long seed;
    private final ScalerChoice scaler;
    private final double thresholdQuantile;
    private final boolean errorNormalisation;
    private final int scoreSmoothing;
    private final int tailDepth;
    private final double validationSplit;
    private final int patience;
    private final Activation activation;
    private final Loss loss;
    private final String optimizer;
    private final double weightDecay;
    private final double maskingNoise;
    private final double gaussianNoise;
    private final String sparsity;
    private final double sparsityWeight;
    private final double sparsityTarget;
    private final double contractiveWeight;
    private final double klWeight;
    private final boolean pretrain;

    private TrainerConfig(Builder b) {
        variant = Variant.parse(b.variant);
        layers = b.layers.clone();
        window = b.window;
        epochs = b.epochs;
        batchSize = b.batchSize;
        learningRate = b.learningRate;
        seed = b.seed;
        scaler = b.scaler;
        thresholdQuantile = b.thresholdQuantile;
        errorNormalisation = b.errorNormalisation;
        scoreSmoothing = b.scoreSmoothing;
        tailDepth = b.tailDepth;
        validationSplit = b.validationSplit;
        patience = b.patience;
        activation = b.activation;
        loss = b.loss;
        optimizer = b.optimizer;
        weightDecay = b.weightDecay;
        maskingNoise = b.maskingNoise;
        gaussianNoise = b.gaussianNoise;
        sparsity = b.sparsity;
        sparsityWeight = b.sparsityWeight;
        sparsityTarget = b.sparsityTarget;
        contractiveWeight = b.contractiveWeight;
        klWeight = b.klWeight;
        pretrain = b.pretrain;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default configuration. */
    public static TrainerConfig defaults() {
        return builder().build();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The autoencoder variant. */
    public Variant variant() {
        return variant;
    }

    /** Encoder widths ending with the code size; empty = sized from the input width. */
    public int[] layers() {
        return layers.clone();
    }

    /** Window length W; 0 = automatic (1 when F ≥ 4, else enough readings for ≥ 16 inputs). */
    public int window() {
        return window;
    }

    /** Maximum epochs (early stopping may end sooner). */
    public int epochs() {
        return epochs;
    }

    /** Mini-batch size (each batch is computed as two parallel halves). */
    public int batchSize() {
        return batchSize;
    }

    /** Optimiser learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** Seed of every random draw. */
    public long seed() {
        return seed;
    }

    /** How the per-feature scaler is fitted (AUTO: none for data in [0, 1], else z-score). */
    public ScalerChoice scaler() {
        return scaler;
    }

    /** Quantile of validation scores used as the anomaly threshold. */
    public double thresholdQuantile() {
        return thresholdQuantile;
    }

    /**
     * Whether each feature's squared error is divided by its mean on the validation windows before
     * it enters the score (see {@code ErrorNormalisation}).
     */
    public boolean errorNormalisation() {
        return errorNormalisation;
    }

    /**
     * Span k of the exponentially weighted moving average the detector applies to each entity's
     * scores before comparing them with the threshold; the threshold is calibrated on validation
     * scores smoothed the same way. 1 = no smoothing.
     */
    public int scoreSmoothing() {
        return scoreSmoothing;
    }

    /**
     * Depth d of the drift tail shipped in the bundle beside the plain one: the detector's drift
     * variant of EVT thresholds (DSPOT) takes each score's excess over the mean of the d scores before
     * it. See {@link dev.vigil.contract.ScoreTail}.
     */
    public int tailDepth() {
        return tailDepth;
    }

    /** Share of each entity's latest windows held out for validation. */
    public double validationSplit() {
        return validationSplit;
    }

    /** Epochs without validation improvement before early stopping. */
    public int patience() {
        return patience;
    }

    /** Hidden-layer activation. */
    public Activation activation() {
        return activation;
    }

    /** Training reconstruction loss (the exported score is always scaled MSE). */
    public Loss loss() {
        return loss;
    }

    /** "adam" or "sgd" (SGD with momentum 0.9). */
    public String optimizer() {
        return optimizer;
    }

    /** Weight decay (decoupled for Adam, L2 for SGD). */
    public double weightDecay() {
        return weightDecay;
    }

    /** Denoising: fraction ν of inputs set to zero. */
    public double maskingNoise() {
        return maskingNoise;
    }

    /** Denoising: standard deviation σ of added Gaussian noise (scaled units). */
    public double gaussianNoise() {
        return gaussianNoise;
    }

    /** Sparse: "l1" (L1 on the code) or "kl" (KL of mean sigmoid code to ρ). */
    public String sparsity() {
        return sparsity;
    }

    /** Sparse: weight of the sparsity penalty. */
    public double sparsityWeight() {
        return sparsityWeight;
    }

    /** Sparse KL target activation ρ. */
    public double sparsityTarget() {
        return sparsityTarget;
    }

    /** Contractive: weight λ of the Jacobian penalty. */
    public double contractiveWeight() {
        return contractiveWeight;
    }

    /** Variational: weight β of the KL term. */
    public double klWeight() {
        return klWeight;
    }

    /** Deep: greedy layer-wise pretraining before fine-tuning. */
    public boolean pretrain() {
        return pretrain;
    }

    /** Hyper-parameters as strings, recorded in the bundle's training summary. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("variant", variant.cliName());
        m.put("layers", Arrays.stream(layers).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        m.put("window", Integer.toString(window));
        m.put("epochs", Integer.toString(epochs));
        m.put("batchSize", Integer.toString(batchSize));
        m.put("learningRate", Double.toString(learningRate));
        m.put("scaler", scaler.name());
        m.put("thresholdQuantile", Double.toString(thresholdQuantile));
        m.put("errorNormalisation", Boolean.toString(errorNormalisation));
        m.put(dev.vigil.contract.ScoreSmoothing.CONFIG_KEY, Integer.toString(scoreSmoothing));
        m.put("tailDepth", Integer.toString(tailDepth));
        m.put("validationSplit", Double.toString(validationSplit));
        m.put("patience", Integer.toString(patience));
        m.put("activation", activation.name());
        m.put("loss", loss.name());
        m.put("optimizer", optimizer);
        m.put("weightDecay", Double.toString(weightDecay));
        putVariantSpecific(m);
        return m;
    }

    private void putVariantSpecific(Map<String, String> m) {
        switch (variant) {
            case DENOISING -> {
                m.put("maskingNoise", Double.toString(maskingNoise));
                m.put("gaussianNoise", Double.toString(gaussianNoise));
            }
            case SPARSE -> {
                m.put("sparsity", sparsity);
                m.put("sparsityWeight", Double.toString(sparsityWeight));
                m.put("sparsityTarget", Double.toString(sparsityTarget));
            }
            case CONTRACTIVE -> m.put("contractiveWeight", Double.toString(contractiveWeight));
            case VARIATIONAL -> m.put("klWeight", Double.toString(klWeight));
            case DEEP -> m.put("pretrain", Boolean.toString(pretrain));
            default -> {}
        }
    }

    @Override
    public String toString() {
        return "TrainerConfig" + asMap();
    }

    /** Builder of {@link TrainerConfig}; every setter returns this builder. */
    public static final class Builder {
        private String variant = "undercomplete";
        private int[] layers = {};
        private int window = 0;
        private int epochs = 60;
        private int batchSize = 256;
        private double learningRate = 1e-3;
        private long seed = 42;
        private ScalerChoice scaler = ScalerChoice.AUTO;
        private double thresholdQuantile = 0.995;
        private boolean errorNormalisation = true;
        private int scoreSmoothing = 3;
        private int tailDepth = 20;
        private double validationSplit = 0.2;
        private int patience = 8;
        private Activation activation = Activation.RELU;
        private Loss loss = Loss.MSE;
        private String optimizer = "adam";
        private double weightDecay = 0;
        private double maskingNoise = 0.1;
        private double gaussianNoise = 0.1;
        private String sparsity = "l1";
        private double sparsityWeight = 1e-3;
        private double sparsityTarget = 0.05;
        private double contractiveWeight = 0.05;
        private double klWeight = 1.0;
        private boolean pretrain = false;

        private Builder() {}

        private Builder(TrainerConfig c) {
            variant = c.variant.cliName();
            layers = c.layers.clone();
            window = c.window;
            epochs = c.epochs;
            batchSize = c.batchSize;
            learningRate = c.learningRate;
            seed = c.seed;
            scaler = c.scaler;
            thresholdQuantile = c.thresholdQuantile;
            errorNormalisation = c.errorNormalisation;
            scoreSmoothing = c.scoreSmoothing;
            tailDepth = c.tailDepth;
            validationSplit = c.validationSplit;
            patience = c.patience;
            activation = c.activation;
            loss = c.loss;
            optimizer = c.optimizer;
            weightDecay = c.weightDecay;
            maskingNoise = c.maskingNoise;
            gaussianNoise = c.gaussianNoise;
            sparsity = c.sparsity;
            sparsityWeight = c.sparsityWeight;
            sparsityTarget = c.sparsityTarget;
            contractiveWeight = c.contractiveWeight;
            klWeight = c.klWeight;
            pretrain = c.pretrain;
        }

        /** Variant name: undercomplete, denoising, sparse, contractive, variational, deep or pca. */
        public Builder variant(String value) {
            variant = value;
            return this;
        }

        /** Encoder widths, the last being the code size; the decoder mirrors them. Empty = automatic. */
        public Builder layers(int... value) {
            layers = value.clone();
            return this;
        }

        /** Window length W (0 = automatic). */
        public Builder window(int value) {
            window = value;
            return this;
        }

        /** Maximum epochs. */
        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        /** Mini-batch size. */
        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        /** Optimiser learning rate. */
        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        /** Seed of every random draw. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Scaler: AUTO (default), ZSCORE, ROBUST or NONE. */
        public Builder scaler(ScalerChoice value) {
            scaler = value;
            return this;
        }

        /** Exactly this scaler kind. */
        public Builder scaler(ScalerKind value) {
            scaler = value == null ? null : ScalerChoice.of(value);
            return this;
        }

        /** Threshold = this quantile of validation scores (0.5 &lt; q &lt; 1). */
        public Builder thresholdQuantile(double value) {
            thresholdQuantile = value;
            return this;
        }

        /** Threshold for a target false-alarm rate on validation data: quantile 1 - rate. */
        public Builder targetFalseAlarmRate(double rate) {
            thresholdQuantile = 1 - rate;
            return this;
        }

        /** Divide each feature's squared error by its mean on the validation windows (default true). */
        public Builder errorNormalisation(boolean value) {
            errorNormalisation = value;
            return this;
        }

        /** Span k (>= 1) of the detector's score smoothing, also applied when calibrating (default 3). */
        public Builder scoreSmoothing(int value) {
            scoreSmoothing = value;
            return this;
        }

        /** Depth d (>= 1) of the bundle's drift tail (default 20). */
        public Builder tailDepth(int value) {
            tailDepth = value;
            return this;
        }

        /** Share of each entity's latest windows held out, in (0, 0.9). */
        public Builder validationSplit(double value) {
            validationSplit = value;
            return this;
        }

        /** Epochs without validation improvement before stopping. */
        public Builder patience(int value) {
            patience = value;
            return this;
        }

        /** Hidden-layer activation. */
        public Builder activation(Activation value) {
            activation = value;
            return this;
        }

        /** Training loss (BCE requires scaler NONE). */
        public Builder loss(Loss value) {
            loss = value;
            return this;
        }

        /** "adam" or "sgd". */
        public Builder optimizer(String value) {
            optimizer = value;
            return this;
        }

        /** Weight decay, >= 0. */
        public Builder weightDecay(double value) {
            weightDecay = value;
            return this;
        }

        /** Denoising: masking probability ν in [0, 1). */
        public Builder maskingNoise(double value) {
            maskingNoise = value;
            return this;
        }

        /** Denoising: Gaussian noise σ (scaled units). */
        public Builder gaussianNoise(double value) {
            gaussianNoise = value;
            return this;
        }

        /** Sparse: "l1" or "kl". */
        public Builder sparsity(String value) {
            sparsity = value;
            return this;
        }

        /** Sparse: penalty weight. */
        public Builder sparsityWeight(double value) {
            sparsityWeight = value;
            return this;
        }

        /** Sparse KL: target mean activation ρ in (0, 1). */
        public Builder sparsityTarget(double value) {
            sparsityTarget = value;
            return this;
        }

        /** Contractive: penalty weight λ. */
        public Builder contractiveWeight(double value) {
            contractiveWeight = value;
            return this;
        }

        /** Variational: KL weight β. */
        public Builder klWeight(double value) {
            klWeight = value;
            return this;
        }

        /** Deep: greedy layer-wise pretraining. */
        public Builder pretrain(boolean value) {
            pretrain = value;
            return this;
        }

        /** Validates and builds. */
        public TrainerConfig build() {
            if (variant == null) {
                throw new IllegalArgumentException("variant: must be set");
            }
            TrainerConfig config = new TrainerConfig(this);
            ConfigChecks.check(config);
            return config;
        }
    }
}
