package org.mobilenetexplorer.bench;

/**
 * What a configuration and batch are estimated to need, before running (from {@code NetworkStats}). Approximate.
 *
 * @param weightBytes     parameters incl. batch norm, FP32
 * @param activationBytes every layer's output activation for the whole batch, FP32 (runtimes may keep them all)
 * @param overheadFactor  multiplier for runtime copies, arenas and workspaces
 * @param nativeBaseBytes fixed runtime footprint (native libraries, thread pools)
 * @param totalBytes      (weights + activations) x overhead + base
 * @param workerHeapBytes the -Xmx given to the worker JVM (input/output arrays and Java-side weights)
 */
public record MemoryEstimate(long weightBytes, long activationBytes, double overheadFactor, long nativeBaseBytes,
                             long totalBytes, long workerHeapBytes) {
}
