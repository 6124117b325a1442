package dev.vigil.detector.models;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.util.Locale;
import java.util.Set;

/**
 * The ONNX Runtime execution provider that scoring sessions run on: the CPU, or a CUDA device. A CUDA
 * request is checked once, at start-up, against the providers this ONNX Runtime build carries (the
 * default {@code onnxruntime} artifact has only the CPU; {@code mvn -Pcuda} builds with
 * {@code onnxruntime_gpu}); see {@link #resolve(Kind, int, boolean, Set)}.
 *
 * @param kind the provider sessions are created with
 * @param device the CUDA device ordinal; ignored for the CPU
 */
public record ExecutionProvider(Kind kind, int device) {
    /** The CPU provider, ONNX Runtime's default. */
    public static final ExecutionProvider CPU = new ExecutionProvider(Kind.CPU, 0);

    /** The providers Vigil can ask for. */
    public enum Kind {
        CPU,
        CUDA;

        /** The configuration spelling, {@code cpu} or {@code cuda}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The provider in force for a request of {@code kind}: the request itself when {@code available}
     * holds it, else the CPU when {@code fallbackToCpu}.
     *
     * @throws UnavailableProviderException when the request cannot be met and no fallback is allowed
     */
    public static ExecutionProvider resolve(Kind kind, int device, boolean fallbackToCpu, Set<OrtProvider> available)
            throws UnavailableProviderException {
        if (kind == Kind.CPU || available.contains(OrtProvider.CUDA)) {
            return new ExecutionProvider(kind, device);
        }
        if (fallbackToCpu) {
            return CPU;
        }
        throw new UnavailableProviderException("this ONNX Runtime build has no CUDA provider (it has " + available
                + "); build with" + " `mvn -Pcuda` (onnxruntime_gpu, needs CUDA 12 and cuDNN 9 on the host)");
    }

    /** {@link #resolve(Kind, int, boolean, Set)} against the providers of the loaded ONNX Runtime. */
    public static ExecutionProvider resolve(Kind kind, int device, boolean fallbackToCpu)
            throws UnavailableProviderException {
        return resolve(kind, device, fallbackToCpu, OrtEnvironment.getAvailableProviders());
    }

    /** Adds this provider to {@code options}; the CPU needs nothing. */
    void addTo(OrtSession.SessionOptions options) throws OrtException {
        if (kind == Kind.CUDA) {
            options.addCUDA(device);
        }
    }

    /** For logs: {@code cpu} or {@code cuda:0}. */
    public String describe() {
        return kind == Kind.CPU ? kind.key() : kind.key() + ":" + device;
    }

    /** A requested provider that this machine or build does not have. */
    public static final class UnavailableProviderException extends Exception {
        UnavailableProviderException(String message) {
            super(message);
        }
    }
}
