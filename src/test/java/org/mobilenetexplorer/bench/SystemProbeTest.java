package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment record from /proc/cpuinfo and OSHI: merging, other OSes' feature spellings, this machine. */
class SystemProbeTest {
    private static final SystemProbe.Facts MAC_ARM = new SystemProbe.Facts("Apple M2", "Apple Inc.", -1, 8, 8,
            3504, 3504, 16L << 30, List.of("hw.optional.neon: 1", "hw.optional.AdvSIMD: 1",
            "hw.optional.arm.FEAT_DotProd: 1", "hw.optional.avx2_0: 0"), "");

    @Test
    void macOsOnOshiAlone() {
        CpuInfo c = CpuInfo.merge(null, MAC_ARM, 8);
        assertEquals("Apple M2", c.model());
        assertEquals(List.of("asimd", "neon"), c.simd(), "hw.optional values of 0 are absent");
        assertEquals(8, c.physicalCores());
        assertEquals(3504, c.mhz());
        assertEquals(16L << 30, c.memoryBytes());
        assertEquals("OSHI", c.source());
        assertEquals(PeakEstimate.Isa.NEON, c.fmaPeak(8).isa());
    }

    @Test
    void macOsIntelAndWindowsSpellings() {
        assertEquals(List.of("avx", "avx2", "fma", "sse", "sse2", "sse3", "sse4_1", "sse4_2", "ssse3"),
                CpuInfo.simdFromFeatureFlags(List.of("machdep.cpu.features: FPU SSE SSE2 SSE3 SSSE3 FMA SSE4.1 SSE4.2"
                        + " AVX1.0 RDRAND", "machdep.cpu.leaf7_features: BMI1 AVX2 SMEP")));
        // Windows names no FMA: AVX2 implies it on x86
        assertEquals(List.of("avx", "avx2", "avx512f", "fma", "sse", "sse2", "sse3", "sse4_1", "sse4_2", "ssse3"),
                CpuInfo.simdFromFeatureFlags(List.of("PF_XMMI_INSTRUCTIONS_AVAILABLE", "PF_XMMI64_INSTRUCTIONS_AVAILABLE",
                        "PF_SSE3_INSTRUCTIONS_AVAILABLE", "PF_SSSE3_INSTRUCTIONS_AVAILABLE",
                        "PF_SSE4_1_INSTRUCTIONS_AVAILABLE", "PF_SSE4_2_INSTRUCTIONS_AVAILABLE",
                        "PF_AVX_INSTRUCTIONS_AVAILABLE", "PF_AVX2_INSTRUCTIONS_AVAILABLE",
                        "PF_AVX512F_INSTRUCTIONS_AVAILABLE", "PF_NX_ENABLED")));
        assertEquals(List.of("neon"), CpuInfo.simdFromFeatureFlags(List.of("PF_ARM_NEON_INSTRUCTIONS_AVAILABLE")));
        assertEquals(List.of("asimd", "sve"), CpuInfo.simdFromFeatureFlags(List.of("Features\t: fp asimd evtstrm sve")));
    }

    @Test
    void procCpuinfoWinsAndOshiFillsTheRest() {
        // an ARM board whose /proc/cpuinfo has flags but neither a model name nor a clock
        CpuInfo proc = CpuInfo.parse(List.of("processor\t: 0", "Features\t: fp asimd crc32", "CPU implementer\t: 0x41"),
                4);
        SystemProbe.Facts os = new SystemProbe.Facts("Cortex-A72", "ARM", 8, 4, 4, 1500, 1800, 4L << 30,
                List.of("flags: neon"), "");
        CpuInfo c = CpuInfo.merge(proc, os, 4);
        assertEquals("Cortex-A72", c.model(), "no model name in /proc/cpuinfo: OSHI's");
        assertEquals(List.of("asimd"), c.simd(), "the kernel's flags win");
        assertEquals(1500, c.mhz());
        assertEquals(1800, c.maxMhz());
        assertEquals("/proc/cpuinfo + OSHI", c.source());

        CpuInfo x86 = CpuInfo.parse(List.of("vendor_id\t: AuthenticAMD", "cpu family\t: 25", "model name\t: AMD EPYC",
                "cpu MHz\t\t: 2600.000", "flags\t\t: avx2 fma avx512f"), 2);
        CpuInfo m = CpuInfo.merge(x86, SystemProbe.Facts.failed("OSHI unavailable: test"), 2);
        assertEquals("AMD EPYC", m.model());
        assertEquals(25, m.family());
        assertEquals(-1, m.physicalCores());
        assertTrue(Double.isNaN(m.maxMhz()));
        assertEquals("/proc/cpuinfo", m.source(), "a failed probe is not named as a source");
        assertEquals("JVM only", CpuInfo.merge(null, SystemProbe.Facts.failed("x"), 2).source());
        assertEquals(System.getProperty("os.arch"), CpuInfo.merge(null, SystemProbe.Facts.failed("x"), 2).model());
    }

    @Test
    void familyAndClockParsing() {
        assertEquals(25, SystemProbe.parseFamily("25"));
        assertEquals(26, SystemProbe.parseFamily("0x1a"));
        assertEquals(-1, SystemProbe.parseFamily("ARMv8"));
        assertEquals(2000, SystemProbe.averageMhz(new long[] {1_500_000_000L, 2_500_000_000L, -1}));
        assertTrue(Double.isNaN(SystemProbe.averageMhz(new long[] {-1})));
    }

    /** This machine (Linux): OSHI answers, and the record gets its new keys beside the old ones. */
    @Test
    void thisMachinesRecord() {
        CpuInfo c = CpuInfo.detect();
        assertTrue(c.physicalCores() >= 1, c.toString());
        assertTrue(c.memoryBytes() > 0, c.toString());
        assertTrue(c.source().contains("OSHI"), c.source());
        assertFalse(c.model().isBlank());
        Map<String, String> env = EnvironmentProbe.capture(c, new FakeInfoBackend(), 1, "", Instant.EPOCH);
        assertEquals(Integer.toString(c.physicalCores()), env.get(EnvironmentProbe.PHYSICAL_CORES));
        assertEquals(Long.toString(c.memoryBytes() / (1024 * 1024)), env.get(EnvironmentProbe.MEMORY_MB));
        assertEquals(String.join(" ", c.simd()), env.get(EnvironmentProbe.SIMD));
    }

    /** A backend that only reports a version (capture needs nothing else). */
    private static final class FakeInfoBackend implements InferenceBackend {
        @Override
        public String id() {
            return "fake";
        }

        @Override
        public String displayName() {
            return "Fake";
        }

        @Override
        public Map<String, String> runtimeInfo() {
            return Map.of("version", "1");
        }

        @Override
        public PreparedNetwork prepare(org.mobilenetexplorer.model.ArchitectureSpec spec, long weightSeed,
                                       int batchSize, BackendOptions options) {
            throw new UnsupportedOperationException();
        }
    }
}
