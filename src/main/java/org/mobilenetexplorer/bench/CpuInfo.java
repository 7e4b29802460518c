package org.mobilenetexplorer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the CPU is, from {@code /proc/cpuinfo} on Linux (elsewhere: os.arch and the JVM's processor count only).
 *
 * @param model        model name
 * @param logicalCores logical cores the JVM sees
 * @param simd         SIMD-relevant flags present, e.g. [avx, avx2, avx512f, fma, sse4_2]
 * @param mhz          current clock in MHz as reported ("cpu MHz" of the first processor); NaN when unknown
 * @param vendor       vendor id (GenuineIntel, AuthenticAMD, ...), empty when unknown
 * @param family       CPU family number ("cpu family"), -1 when unknown
 */
public record CpuInfo(String model, int logicalCores, List<String> simd, double mhz, String vendor, int family) {

    /** AMD families before Zen 5 (family 0x1A) execute a 512-bit FMA as two 256-bit halves (Zen 4 "double pumping"). */
    private static final int AMD_FIRST_FULL_WIDTH_AVX512_FAMILY = 0x1A;

    /** Flags worth recording: the vector extensions a backend's kernels may use. */
    private static final Set<String> SIMD_FLAGS = Set.of("sse", "sse2", "sse3", "ssse3", "sse4_1", "sse4_2", "avx",
            "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512_vnni", "avx512_bf16",
            "amx_tile", "amx_bf16", "neon", "asimd", "sve");

    public CpuInfo {
        simd = List.copyOf(simd);
        vendor = vendor == null ? "" : vendor;
    }

    /** A CPU of unknown vendor and family. */
    public CpuInfo(String model, int logicalCores, List<String> simd, double mhz) {
        this(model, logicalCores, simd, mhz, "", -1);
    }

    /** Probes this machine. */
    public static CpuInfo detect() {
        int cores = Runtime.getRuntime().availableProcessors();
        Path proc = Path.of("/proc/cpuinfo");
        if (Files.isReadable(proc)) {
            try {
                return parse(Files.readAllLines(proc), cores);
            } catch (IOException e) {
                // fall through to what the JVM knows
            }
        }
        return new CpuInfo(System.getProperty("os.arch", "unknown"), cores, List.of(), Double.NaN, "", -1);
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
