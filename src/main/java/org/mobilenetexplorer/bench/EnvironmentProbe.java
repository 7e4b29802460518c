package org.mobilenetexplorer.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mobilenetexplorer.model.ToolVersion;

/**
 * The environment recorded with every result. Keys (all strings): {@value #CPU_MODEL}, {@value #LOGICAL_CORES},
 * {@value #SIMD}, {@value #CPU_MHZ}, {@value #PHYSICAL_CORES}, {@value #CPU_MAX_MHZ}, {@value #MEMORY_MB},
 * {@value #CPU_VENDOR}, {@value #CPU_INFO_SOURCE}, {@value #OS}, {@value #JVM}, {@value #JVM_VENDOR}, {@value #MAX_HEAP_MB},
 * {@value #BACKEND}, {@value #BACKEND_NAME}, {@value #BACKEND_VERSION}, {@value #THREADS},
 * {@value #NATIVE_VARIANT}, {@value #DATA_TYPE}, {@value #TOOL_VERSION}, {@value #TIMESTAMP}, and every entry of
 * {@link InferenceBackend#runtimeInfo()} as {@code runtime.<key>}. Results written before a key existed simply lack
 * it (the map is open: old files load unchanged); readers treat a missing key as unknown.
 */
public final class EnvironmentProbe {
    public static final String CPU_MODEL = "cpuModel";
    public static final String LOGICAL_CORES = "logicalCores";
    public static final String SIMD = "simd";
    public static final String CPU_MHZ = "cpuMhz";
    /** Physical cores the OS reports ("unknown" when it does not). */
    public static final String PHYSICAL_CORES = "physicalCores";
    /** The highest clock the OS reports, MHz. */
    public static final String CPU_MAX_MHZ = "cpuMaxMhz";
    /** Physical memory, MiB. */
    public static final String MEMORY_MB = "memoryMb";
    public static final String CPU_VENDOR = "cpuVendor";
    /** Where the CPU facts came from: "/proc/cpuinfo + OSHI", "OSHI", "JVM only". */
    public static final String CPU_INFO_SOURCE = "cpuInfoSource";
    public static final String OS = "os";
    public static final String JVM = "jvm";
    public static final String JVM_VENDOR = "jvmVendor";
    public static final String MAX_HEAP_MB = "maxHeapMb";
    public static final String BACKEND = "backend";
    public static final String BACKEND_NAME = "backendName";
    public static final String BACKEND_VERSION = "backendVersion";
    public static final String THREADS = "threads";
    public static final String NATIVE_VARIANT = "nativeVariant";
    public static final String DATA_TYPE = "dataType";
    public static final String TOOL_VERSION = "toolVersion";
    public static final String TIMESTAMP = "timestamp";
    public static final String RUNTIME_PREFIX = "runtime.";
    /** Prefix of the prepared network's own settings (graph, data format, the thread count it chose, ...). */
    public static final String SETTING_PREFIX = "setting.";

    private EnvironmentProbe() {
    }

    /**
     * The environment of this JVM running {@code backend} with {@code threads} effective threads.
     *
     * @param requestedVariant the native variant asked for (empty = default); the backend's own report wins
     */
    public static Map<String, String> capture(CpuInfo cpu, InferenceBackend backend, int threads,
                                              String requestedVariant, Instant timestamp) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(CPU_MODEL, cpu.model());
        env.put(LOGICAL_CORES, Integer.toString(cpu.logicalCores()));
        env.put(SIMD, String.join(" ", cpu.simd()));
        env.put(CPU_MHZ, Double.isNaN(cpu.mhz()) ? "unknown" : String.format(java.util.Locale.ROOT, "%.0f", cpu.mhz()));
        env.put(PHYSICAL_CORES, cpu.physicalCores() > 0 ? Integer.toString(cpu.physicalCores()) : "unknown");
        env.put(CPU_MAX_MHZ, Double.isNaN(cpu.maxMhz()) ? "unknown"
                : String.format(java.util.Locale.ROOT, "%.0f", cpu.maxMhz()));
        env.put(MEMORY_MB, cpu.memoryBytes() > 0 ? Long.toString(cpu.memoryBytes() / (1024 * 1024)) : "unknown");
        env.put(CPU_VENDOR, cpu.vendor().isEmpty() ? "unknown" : cpu.vendor());
        env.put(CPU_INFO_SOURCE, cpu.source().isEmpty() ? "unknown" : cpu.source());
        env.put(OS, System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put(JVM, System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version",
                System.getProperty("java.version")));
        env.put(JVM_VENDOR, System.getProperty("java.vm.vendor", "unknown"));
        env.put(MAX_HEAP_MB, Long.toString(Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        env.put(BACKEND, backend.id());
        env.put(BACKEND_NAME, backend.displayName());
        Map<String, String> info = backend.runtimeInfo();
        env.put(BACKEND_VERSION, info.getOrDefault("version", "unknown"));
        env.put(THREADS, Integer.toString(threads));
        String variant = info.getOrDefault(NATIVE_VARIANT, requestedVariant == null || requestedVariant.isBlank()
                ? "default" : requestedVariant);
        env.put(NATIVE_VARIANT, variant);
        env.put(DATA_TYPE, info.getOrDefault(DATA_TYPE, "float32"));
        env.put(TOOL_VERSION, ToolVersion.get());
        env.put(TIMESTAMP, timestamp.truncatedTo(ChronoUnit.MILLIS).toString());
        info.forEach((k, v) -> env.put(RUNTIME_PREFIX + k, v));
        return env;
    }
}
