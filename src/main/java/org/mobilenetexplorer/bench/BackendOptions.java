package org.mobilenetexplorer.bench;

import java.util.Map;

/**
 * Settings a backend applies when it prepares a network.
 *
 * @param threads intra-op threads; 0 = all logical cores
 * @param extra   backend-specific settings by key (e.g. {@code optimization=all|basic|none} for ONNX Runtime,
 *                {@code graph=folded|unfolded} for DL4J); unknown keys are rejected by the backend, by name
 */
public record BackendOptions(int threads, Map<String, String> extra) {
    public static final BackendOptions DEFAULT = new BackendOptions(0, Map.of());

    public BackendOptions {
        if (threads < 0) {
            throw new IllegalArgumentException("threads = " + threads + ": must be >= 0 (0 = all cores)");
        }
        extra = Map.copyOf(extra);
    }

    /** threads, or the number of logical cores when 0. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public String extra(String key, String fallback) {
        return extra.getOrDefault(key, fallback);
    }
}
