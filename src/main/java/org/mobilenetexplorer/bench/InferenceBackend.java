package org.mobilenetexplorer.bench;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.UnsupportedFamilyException;

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
     * The architecture families this backend builds; {@link #prepare} refuses the others. V1 unless a backend says
     * more (override when its builder learns a family).
     */
    default Set<Family> families() {
        return EnumSet.of(Family.V1);
    }

    /** Refuses {@code config} when this backend cannot build its family (one line naming backend and family). */
    default void requireFamily(MobileNetConfig config) {
        UnsupportedFamilyException.require(id(), config, families());
    }

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
