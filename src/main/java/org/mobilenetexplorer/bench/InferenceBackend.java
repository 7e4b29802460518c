package org.mobilenetexplorer.bench;

import java.util.Map;
import org.mobilenetexplorer.model.ArchitectureSpec;

/**
 * An inference runtime that can run a MobileNet built from an {@link ArchitectureSpec}. Implementations are
 * registered in {@code META-INF/services/org.mobilenetexplorer.bench.InferenceBackend} and chosen by
 * {@link #id()} ({@code onnxruntime}, {@code dl4j}) through {@link Backends}.
 */
public interface InferenceBackend {

    /** Stable id used on the command line, in result files and in presets. */
    String id();

    /** Human name, e.g. "ONNX Runtime 1.29.0". */
    String displayName();

    /**
     * Builds the network of {@code spec} with the deterministic weights of {@code weightSeed}, ready to run
     * batches of {@code batchSize}. May load native libraries on first use (seconds).
     */
    PreparedNetwork prepare(ArchitectureSpec spec, long weightSeed, int batchSize, BackendOptions options)
            throws BackendException;

    /**
     * What a result must record about this runtime once started: version, native variant, threads, BLAS,
     * optimisation settings. Keys are lower camel case.
     */
    Map<String, String> runtimeInfo();
}
