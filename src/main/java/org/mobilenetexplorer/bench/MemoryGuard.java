package org.mobilenetexplorer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.Totals;

/**
 * Estimates what a configuration and batch need before anything runs, and refuses what the machine cannot hold,
 * with a clear message instead of an out-of-memory error or a native crash. The estimate is deliberately
 * generous (see {@link MemoryEstimate}): weights and every layer's activations for the whole batch, times
 * {@value #OVERHEAD_FACTOR} for runtime copies and workspaces, plus {@value #NATIVE_BASE_MB} MB of runtime.
 */
public final class MemoryGuard {
    public static final double OVERHEAD_FACTOR = 2.0;
    public static final long NATIVE_BASE_MB = 512;
    /** Base heap of a worker JVM before arrays (DL4J keeps per-run objects on the heap: room avoids old-gen GCs). */
    public static final long WORKER_BASE_HEAP_MB = 512;
    /** Share of the available memory a benchmark may use. */
    public static final double USABLE_SHARE = 0.8;

    private static final long MB = 1024L * 1024L;

    private MemoryGuard() {
    }

    /** The estimate for {@code stats} at {@code batch}. */
    public static MemoryEstimate estimate(NetworkStats stats, int batch) {
        Totals t = stats.totals();
        int res = stats.config().resolution();
        long inputElements = (long) res * res * 3;
        long weightBytes = t.parameterBytes();
        long activationBytes = Math.multiplyExact((t.activationElements() + inputElements) * 4L, (long) batch);
        long nativeBase = NATIVE_BASE_MB * MB;
        long total = (long) ((weightBytes + activationBytes) * OVERHEAD_FACTOR) + nativeBase;
        // Java side: input and output arrays (a few copies), seeded weights generated in Java (and their copies)
        long ioBytes = (inputElements + stats.config().classes()) * 4L * batch;
        long heap = WORKER_BASE_HEAP_MB * MB + 4 * ioBytes + 4 * weightBytes;
        heap = ((heap + 64 * MB - 1) / (64 * MB)) * (64 * MB);
        return new MemoryEstimate(weightBytes, activationBytes, OVERHEAD_FACTOR, nativeBase, total, heap);
    }

    /**
     * The refusal message when {@code estimate} (native total plus worker heap) exceeds {@value #USABLE_SHARE}
     * of {@code availableBytes}; empty when it fits.
     */
    public static java.util.Optional<String> refusal(MemoryEstimate estimate, long availableBytes, String what) {
        long need = estimate.totalBytes() + estimate.workerHeapBytes();
        if (need <= availableBytes * USABLE_SHARE) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(Locale.ROOT,
                "%s needs about %s (weights %s + activations %s, x%.1f runtime overhead, + %d MB runtime, + %s "
                        + "worker heap) but only %s is available (%.0f%% of it usable): use a smaller batch, alpha "
                        + "or resolution",
                what, mib(need), mib(estimate.weightBytes()), mib(estimate.activationBytes()),
                estimate.overheadFactor(), NATIVE_BASE_MB, mib(estimate.workerHeapBytes()), mib(availableBytes),
                USABLE_SHARE * 100));
    }

    static String mib(long bytes) {
        if (bytes >= 10L * 1024 * MB) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * MB));
        }
        return String.format(Locale.ROOT, "%d MB", (bytes + MB - 1) / MB);
    }

    /**
     * Memory available for a new process: MemAvailable from /proc/meminfo on Linux, else the free physical
     * memory the JVM reports.
     */
    public static long availableBytes() {
        OptionalLong proc = memAvailable(Path.of("/proc/meminfo"));
        if (proc.isPresent()) {
            return proc.getAsLong();
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    static OptionalLong memAvailable(Path meminfo) {
        if (!Files.isReadable(meminfo)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(meminfo)) {
                if (line.startsWith("MemAvailable:")) {
                    String[] parts = line.substring("MemAvailable:".length()).strip().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024L);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
