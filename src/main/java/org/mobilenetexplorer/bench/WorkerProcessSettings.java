package org.mobilenetexplorer.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a backend needs in a worker JVM before its native libraries load: environment variables and JVM options.
 * Backends register an implementation in {@code META-INF/services/org.mobilenetexplorer.bench.WorkerProcessSettings};
 * {@link ForkedRunner} applies it on top of its own defaults (thread counts, {@code OMP_WAIT_POLICY=PASSIVE}).
 */
public interface WorkerProcessSettings {

    /** The backend id this applies to. */
    String backendId();

    /** Environment variables for the worker (override the defaults of {@link ForkedRunner}). */
    Map<String, String> environment(ProtocolSettings settings);

    /** Extra JVM options for the worker, e.g. {@code -Dorg.bytedeco.javacpp.maxbytes=...}. */
    List<String> jvmOptions(ProtocolSettings settings, MemoryEstimate memory);

    /**
     * Why this backend cannot load native variant {@code variant} (non-empty), e.g. its jar is missing; empty when it
     * can. Checked before a worker is forked.
     */
    default Optional<String> refuseNativeVariant(String variant) {
        return Optional.empty();
    }
}
