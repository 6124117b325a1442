package dev.vigil.trainer;

import ai.onnx.proto.OnnxMl;
import dev.vigil.contract.BundleSigning;
import dev.vigil.contract.ModelContract;
import dev.vigil.contract.OnnxSafety;
import dev.vigil.contract.ScoreSmoothing;
import dev.vigil.contract.UnsafeOnnxException;
import dev.vigil.contract.avro.ModelBundle;
import dev.vigil.contract.avro.Probe;
import dev.vigil.contract.avro.ScalerKind;
import dev.vigil.contract.avro.ScalerParams;
import dev.vigil.nn.Activation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wraps a user's ONNX autoencoder ({@code [N, D]} float in, its reconstruction {@code [N, D]} out,
 * see {@link ImportedGraph}) into a bundle scored exactly like the trainer's own: the graph is spliced
 * ({@link GraphSplice}) between the scaler and the three contract outputs that {@link OnnxExporter}
 * builds, so the user's model receives {@code (x - center) / scale} (identity with scaler NONE) and
 * its reconstruction is taken to be in that same space. On the calibration sample ({@link
 * CalibrationSample}) Vigil fits the scaler ({@link Scaler}), the per-feature error weights ({@link
 * ErrorNormalisation}) and the thresholds, quantiles and tails ({@link Calibration}, scores smoothed
 * as the detector smooths them), the bundle is put together by {@link BundleAssembler}, and the probe
 * batch is scored by ONNX Runtime on the final graph. The bundle is unsigned; variant {@value #VARIANT}.
 */
public final class ModelImport {
    /** The bundle variant of an imported model. */
    public static final String VARIANT = "imported";

    private static final OnnxSafety.Limits LIMITS = OnnxSafety.Limits.DEFAULT;

    private final GraphRunner runner;
    private final Clock clock;

    /** An importer trying graphs with {@code runner}, dating bundles by {@code clock}. */
    public ModelImport(GraphRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    /** The imported bundle, and what was found in the user's graph (for the console). */
    public record Result(ModelBundle bundle, String found, int calibrationWindows) {}

    /**
     * Imports {@code request}.
     *
     * @throws IllegalArgumentException naming why the model or the sample is refused
     * @throws IOException if a file cannot be read
     */
    public Result run(ImportRequest request) throws IOException {
        long started = clock.millis();
        byte[] userBytes = read(request);
        OnnxMl.ModelProto user = safe(userBytes, "the model");
        int width = request.width();
        ImportedGraph io = ImportedGraph.of(user.getGraph(), width, request.input(), request.output());
        GraphSplice.checkOpset(user);
        CalibrationSample sample = CalibrationSample.read(request.calibration(), request.features(), request.window());
        ScalerParams scaler = Scaler.fit(
                request.scaler(), sample.readings(), request.features().size());
        InferenceModel unweighted = placeholder(request, scaler);
        tryUserGraph(userBytes, io, unweighted.scaleInputs(sample.windows(), sample.rows()), sample.rows(), width);
        float[] errors = score(wrapped(unweighted, user, io, "{}"), sample, ModelContract.FEATURE_ERROR);
        InferenceModel weighted = unweighted.withErrorWeights(ErrorNormalisation.weights(
                errors, sample.rows(), request.features().size()));
        float[] scores = score(wrapped(weighted, user, io, "{}"), sample, ModelContract.SCORE);
        ImportSummary summary = new ImportSummary(request, io, userBytes, mean(errors), sample.rows());
        ModelBundle bundle = BundleAssembler.assemble(new BundleAssembler.Parts(
                request.group(),
                request.version(),
                summary.config(),
                request.features(),
                request.window(),
                scaler,
                Scaler.fit(
                                ScalerKind.ZSCORE,
                                sample.readings(),
                                request.features().size())
                        .getCenter(),
                calibration(scores, sample, summary),
                new ModelTrainer.Fitted(weighted, new LossHistory()),
                summary.training(clock.millis() - started),
                Probe.newBuilder()
                        .setRows(0)
                        .setInputs(List.of())
                        .setScores(List.of())
                        .build(),
                Instant.ofEpochMilli(started)));
        bundle.setVariant(VARIANT);
        byte[] onnx = wrapped(weighted, user, io, Manifest.json(bundle, weighted.head()));
        bundle.setOnnx(ByteBuffer.wrap(onnx));
        bundle.setSha256(BundleSigning.sha256Hex(ByteBuffer.wrap(onnx)));
        bundle.setProbe(probe(onnx, sample, width));
        return new Result(bundle, io.describe(), sample.rows());
    }

    private static byte[] read(ImportRequest request) throws IOException {
        long size = Files.size(request.onnx());
        if (size > LIMITS.maxOnnxBytes()) {
            throw new IllegalArgumentException("the model is refused (TOO_LARGE): " + request.onnx() + " has " + size
                    + " bytes, more than " + LIMITS.maxOnnxBytes());
        }
        return Files.readAllBytes(request.onnx());
    }

    private static OnnxMl.ModelProto safe(byte[] onnx, String what) {
        try {
            return OnnxSafety.check(onnx, LIMITS);
        } catch (UnsafeOnnxException e) {
            throw new IllegalArgumentException(what + " is refused (" + e.hazard() + "): " + e.getMessage(), e);
        }
    }

    /** The exporter's model around one identity layer, which the user's graph replaces. */
    private static InferenceModel placeholder(ImportRequest request, ScalerParams scaler) {
        int width = request.width();
        float[] identity = new float[width * width];
        for (int i = 0; i < width; i++) {
            identity[i * width + i] = 1f;
        }
        DenseLayer layer = new DenseLayer(width, width, identity, new float[width], Activation.IDENTITY);
        return new InferenceModel(
                request.features().size(),
                request.window(),
                floats(scaler.getCenter()),
                floats(scaler.getScale()),
                List.of(layer));
    }

    /** Runs the user's own graph on the (scaled) sample: it must return D finite columns per row. */
    private void tryUserGraph(byte[] onnx, ImportedGraph io, float[] fed, int rows, int width) {
        String output = io.output().getName();
        float[] y = runner.run(onnx, io.input().getName(), fed, rows, List.of(output))
                .get(output);
        if (y.length != (long) rows * width) {
            throw new IllegalArgumentException("on " + rows + " calibration windows of " + width + " values, output '"
                    + output + "' returned " + y.length + " values (" + (double) y.length / rows
                    + " per row), not " + width + ": the output must reconstruct the input");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Float.isFinite(y[i])) {
                throw new IllegalArgumentException("output '" + output + "' is " + y[i] + " for calibration window "
                        + i / width + ", column " + i % width + ": Vigil cannot score with a model that does");
            }
        }
    }

    private byte[] wrapped(InferenceModel model, OnnxMl.ModelProto user, ImportedGraph io, String manifest) {
        byte[] vigil = OnnxExporter.export(model, "vigil_" + VARIANT, manifest);
        byte[] onnx = GraphSplice.splice(vigil, user, io);
        safe(onnx, "the wrapped model");
        return onnx;
    }

    private float[] score(byte[] onnx, CalibrationSample sample, String output) {
        return runner.run(onnx, ModelContract.INPUT, sample.windows(), sample.rows(), List.of(output))
                .get(output);
    }

    private static Calibration calibration(float[] scores, CalibrationSample sample, ImportSummary summary) {
        int span = summary.config().scoring().scoreSmoothing();
        return new Calibration(
                ModelTrainer.smoothed(scores, sample.counts(), new ScoreSmoothing(span)), sample.counts());
    }

    /** {@value ModelTrainer#PROBE_ROWS} windows spread over the sample, scored by ONNX Runtime on the final graph. */
    private Probe probe(byte[] onnx, CalibrationSample sample, int width) {
        int rows = Math.min(ModelTrainer.PROBE_ROWS, sample.rows());
        float[] inputs = sample.spaced(rows, width);
        Map<String, float[]> out = runner.run(onnx, ModelContract.INPUT, inputs, rows, List.of(ModelContract.SCORE));
        List<Float> boxed = new ArrayList<>();
        for (float v : inputs) {
            boxed.add(v);
        }
        List<Double> scores = new ArrayList<>();
        for (float s : out.get(ModelContract.SCORE)) {
            scores.add((double) s);
        }
        return Probe.newBuilder()
                .setRows(rows)
                .setInputs(boxed)
                .setScores(scores)
                .build();
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static float[] floats(List<Double> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }
}
