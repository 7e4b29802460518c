package org.mobilenetexplorer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the CPU is: on Linux from {@code /proc/cpuinfo} (model, vendor, family, clock, SIMD flags) completed by what the
 * OS reports through OSHI ({@link SystemProbe}: physical cores, highest clock, memory; and model, clock and flags where
 * /proc/cpuinfo lacks them, e.g. on many ARM boards); on macOS and Windows from OSHI alone; where neither answers,
 * os.arch and the JVM's processor count.
 *
 * @param model         model name
 * @param logicalCores  logical cores the JVM sees
 * @param simd          SIMD-relevant flags present, e.g. [avx, avx2, avx512f, fma, sse4_2]
 * @param mhz           current clock in MHz as reported ("cpu MHz" of the first processor, else the OS's average
 *                      current or nominal clock); NaN when unknown
 * @param vendor        vendor id (GenuineIntel, AuthenticAMD, Apple, ...), empty when unknown
 * @param family        CPU family number ("cpu family"), -1 when unknown
 * @param physicalCores physical cores, -1 when unknown
 * @param maxMhz        highest clock the OS reports in MHz, NaN when unknown
 * @param memoryBytes   physical memory in bytes, -1 when unknown
 * @param source        where the facts came from ("/proc/cpuinfo + OSHI", "OSHI", "JVM only")
 */
public record CpuInfo(String model, int logicalCores, List<String> simd, double mhz, String vendor, int family,
                      int physicalCores, double maxMhz, long memoryBytes, String source) {

    /** AMD families before Zen 5 (family 0x1A) execute a 512-bit FMA as two 256-bit halves (Zen 4 "double pumping"). */
    private static final int AMD_FIRST_FULL_WIDTH_AVX512_FAMILY = 0x1A;

    /** Flags worth recording: the vector extensions a backend's kernels may use. */
    private static final Set<String> SIMD_FLAGS = Set.of("sse", "sse2", "sse3", "ssse3", "sse4_1", "sse4_2", "avx",
            "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512_vnni", "avx512_bf16",
            "amx_tile", "amx_bf16", "neon", "asimd", "sve");

    /**
     * Other spellings of {@link #SIMD_FLAGS}, lower case: macOS's sysctl (machdep.cpu.features, hw.optional.*) and
     * Windows' IsProcessorFeaturePresent names without {@code pf_} and {@code _instructions_available}.
     */
    private static final Map<String, String> FLAG_ALIASES = Map.ofEntries(
            Map.entry("sse4.1", "sse4_1"), Map.entry("sse4.2", "sse4_2"), Map.entry("avx1.0", "avx"),
            Map.entry("avx1_0", "avx"), Map.entry("avx2_0", "avx2"), Map.entry("avx512vnni", "avx512_vnni"),
            Map.entry("avx512bf16", "avx512_bf16"), Map.entry("advsimd", "asimd"), Map.entry("xmmi", "sse"),
            Map.entry("xmmi64", "sse2"), Map.entry("arm_neon", "neon"));

    public CpuInfo {
        simd = List.copyOf(simd);
        vendor = vendor == null ? "" : vendor;
        source = source == null ? "" : source;
    }

    /** A CPU of unknown vendor and family. */
    public CpuInfo(String model, int logicalCores, List<String> simd, double mhz) {
        this(model, logicalCores, simd, mhz, "", -1);
    }

    /** A CPU without the OS's core count, clock range and memory. */
    public CpuInfo(String model, int logicalCores, List<String> simd, double mhz, String vendor, int family) {
        this(model, logicalCores, simd, mhz, vendor, family, -1, Double.NaN, -1, "");
    }

    /** Probes this machine: /proc/cpuinfo where readable, then OSHI (loaded only now). */
    public static CpuInfo detect() {
        int cores = Runtime.getRuntime().availableProcessors();
        CpuInfo proc = null;
        Path file = Path.of("/proc/cpuinfo");
        if (Files.isReadable(file)) {
            try {
                proc = parse(Files.readAllLines(file), cores);
            } catch (IOException e) {
                proc = null; // OSHI and the JVM still know something
            }
        }
        return merge(proc, SystemProbe.probe(), cores);
    }

    /**
     * Combines /proc/cpuinfo ({@code proc}, null when not readable) with the OS's facts: /proc/cpuinfo's values win
     * where it has them (its flags are the kernel's own), OSHI fills the rest.
     */
    static CpuInfo merge(CpuInfo proc, SystemProbe.Facts os, int jvmCores) {
        String arch = System.getProperty("os.arch", "unknown");
        boolean osKnows = os.failure().isEmpty() || !os.model().isEmpty();
        boolean procModel = proc != null && !proc.model().equals(arch) && !proc.model().isBlank();
        String model = procModel ? proc.model() : !os.model().isEmpty() ? os.model() : arch;
        List<String> simd = proc != null && !proc.simd().isEmpty() ? proc.simd() : simdFromFeatureFlags(os.featureFlags());
        double mhz = proc != null && !Double.isNaN(proc.mhz()) ? proc.mhz() : os.mhz();
        String vendor = proc != null && !proc.vendor().isEmpty() ? proc.vendor() : os.vendor();
        int family = proc != null && proc.family() >= 0 ? proc.family() : os.family();
        String source = proc != null ? (osKnows ? "/proc/cpuinfo + " + SystemProbe.NAME : "/proc/cpuinfo")
                : osKnows ? SystemProbe.NAME : "JVM only";
        return new CpuInfo(model, jvmCores, simd, mhz, vendor, family, os.physicalCores(), os.maxMhz(),
                os.memoryBytes(), source);
    }

    /**
     * The SIMD flags in the OS's feature lines, in {@link #SIMD_FLAGS}' spelling: Linux's {@code flags}/{@code Features}
     * lines, macOS's {@code machdep.cpu.features: SSE4.2 AVX1.0 ...} and {@code hw.optional.neon: 1} lines, Windows'
     * {@code PF_AVX2_INSTRUCTIONS_AVAILABLE} names. Windows names no FMA: every x86 CPU with AVX2 has FMA3 (Intel
     * Haswell and AMD Excavator onwards), so AVX2 implies it there.
     */
    static List<String> simdFromFeatureFlags(List<String> lines) {
        Set<String> out = new TreeSet<>();
        boolean windows = false;
        for (String line : lines) {
            String l = line.strip();
            int colon = l.indexOf(':');
            if (l.startsWith("hw.optional.") && colon > 0) { // macOS: "hw.optional.avx2_0: 1"
                if (l.substring(colon + 1).strip().equals("1")) {
                    add(out, l.substring("hw.optional.".length(), colon).strip());
                }
                continue;
            }
            String values = colon >= 0 ? l.substring(colon + 1) : l;
            for (String token : values.split("[\s,]+")) {
                String t = token.toLowerCase(Locale.ROOT);
                if (t.startsWith("pf_")) { // Windows: PF_AVX2_INSTRUCTIONS_AVAILABLE
                    windows = true;
                    t = t.substring(3).replace("_instructions_available", "").replace("_available", "");
                }
                add(out, t);
            }
        }
        if (windows && out.contains("avx2")) {
            out.add("fma");
        }
        return new ArrayList<>(out);
    }

    private static void add(Set<String> out, String flag) {
        String f = flag.toLowerCase(Locale.ROOT);
        f = FLAG_ALIASES.getOrDefault(f, f);
        if (SIMD_FLAGS.contains(f)) {
            out.add(f);
        }
    }

    /** Parses {@code /proc/cpuinfo} lines (first processor block). */
    static CpuInfo parse(List<String> lines, int logicalCores) {
        String model = null;
        String vendor = null;
        int family = -1;
        double mhz = Double.NaN;
        Set<String> flags = new TreeSet<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "model name", "hardware", "cpu model" -> {
                    if (model == null) {
                        model = value;
                    }
                }
                case "vendor_id" -> {
                    if (vendor == null) {
                        vendor = value;
                    }
                }
                case "cpu family" -> {
                    if (family < 0) {
                        try {
                            family = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            family = -1;
                        }
                    }
                }
                case "cpu mhz" -> {
                    if (Double.isNaN(mhz)) {
                        try {
                            mhz = Double.parseDouble(value);
                        } catch (NumberFormatException e) {
                            mhz = Double.NaN;
                        }
                    }
                }
                case "flags", "features" -> {
                    if (flags.isEmpty()) {
                        for (String f : value.split("\\s+")) {
                            if (SIMD_FLAGS.contains(f)) {
                                flags.add(f);
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new CpuInfo(model == null ? System.getProperty("os.arch", "unknown") : model, logicalCores,
                new ArrayList<>(flags), mhz, vendor == null ? "" : vendor, family);
    }

    /** True for AMD CPUs that split 512-bit FMAs into two 256-bit halves (families before Zen 5). */
    boolean halfRateAvx512() {
        return "AuthenticAMD".equals(vendor) && family >= 0 && family < AMD_FIRST_FULL_WIDTH_AVX512_FAMILY;
    }

    public boolean has(String flag) {
        return simd.contains(flag);
    }

    /**
     * The estimated FP32 FMA peak of {@code threads} threads: vector lanes (16 with AVX-512F, 8 with AVX2+FMA or
     * AVX, 4 with SSE/NEON) x 2 FMA units per core (assumed) x threads (at most the logical cores) x the reported
     * clock. AMD CPUs before Zen 5 (family &lt; 0x1A, e.g. Zen 4) execute a 512-bit FMA as two 256-bit halves, so
     * they count 8 lanes even with AVX-512F. An estimate: hyper-threads share FMA units, and the reported clock is
     * not the all-core turbo.
     */
    public PeakEstimate fmaPeak(int threads) {
        int used = Math.min(Math.max(threads, 1), logicalCores);
        PeakEstimate.Isa isa;
        int lanes;
        if (has("avx512f") && halfRateAvx512()) {
            isa = PeakEstimate.Isa.AVX512F_HALF_RATE;
            lanes = 8;
        } else if (has("avx512f")) {
            isa = PeakEstimate.Isa.AVX512F;
            lanes = 16;
        } else if (has("avx2") && has("fma")) {
            isa = PeakEstimate.Isa.AVX2_FMA;
            lanes = 8;
        } else if (has("avx")) {
            isa = PeakEstimate.Isa.AVX;
            lanes = 8;
        } else if (has("sse2") || has("neon") || has("asimd")) {
            isa = has("sse2") ? PeakEstimate.Isa.SSE2 : PeakEstimate.Isa.NEON;
            lanes = 4;
        } else {
            return PeakEstimate.UNKNOWN;
        }
        final int fmaUnits = 2;
        double ghz = mhz > 0 ? mhz / 1000.0 : Double.NaN;
        return new PeakEstimate(lanes * fmaUnits * used * ghz, isa, lanes, fmaUnits, used, ghz);
    }
}
