package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;

class EnvironmentAndGuardTest {

    @Test
    void parsesProcCpuinfo() {
        CpuInfo c = CpuInfo.parse(List.of(
                "processor\t: 0",
                "model name\t: AMD EPYC 7B13",
                "cpu MHz\t\t: 2450.000",
                "flags\t\t: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 bmi2",
                "",
                "processor\t: 1",
                "model name\t: other",
                "flags\t\t: avx512f"), 2);
        assertEquals("AMD EPYC 7B13", c.model());
        assertEquals(2450.0, c.mhz());
        assertEquals(List.of("avx", "avx2", "f16c", "fma", "sse", "sse2", "sse4_1", "sse4_2", "ssse3"), c.simd());
        PeakEstimate p = c.fmaPeak(2);
        // 8 lanes x 2 FMA units x 2 threads x 2.45 GHz
        assertEquals(78.4, p.gmacPerSec(), 1e-9);
        assertTrue(ResultWords.method(p).contains("AVX2+FMA"), ResultWords.method(p));
        assertEquals(39.2, c.fmaPeak(1).gmacPerSec(), 1e-9);
        assertEquals(78.4, c.fmaPeak(8).gmacPerSec(), 1e-9, "threads beyond the logical cores add nothing");
    }

    @Test
    void avx512AndUnknownPeaks() {
        assertEquals(16 * 2 * 4 * 3.0, new CpuInfo("x", 4, List.of("avx512f"), 3000).fmaPeak(4).gmacPerSec(), 1e-9);
        assertTrue(Double.isNaN(new CpuInfo("x", 4, List.of(), 3000).fmaPeak(4).gmacPerSec()));
        // Zen 4 (AMD family 25) runs 512-bit FMAs as two 256-bit halves: 8 lanes; Zen 5 (family 26) has full width
        CpuInfo zen4 = CpuInfo.parse(List.of("vendor_id\t: AuthenticAMD", "cpu family\t: 25", "model name\t: AMD EPYC",
                "cpu MHz\t\t: 2600.000", "flags\t\t: avx2 fma avx512f"), 2);
        assertEquals(8 * 2 * 2 * 2.6, zen4.fmaPeak(2).gmacPerSec(), 1e-9);
        assertTrue(ResultWords.method(zen4.fmaPeak(2)).contains("2 x 256-bit"), ResultWords.method(zen4.fmaPeak(2)));
        assertEquals(16 * 2 * 2 * 2.6, new CpuInfo("z5", 2, List.of("avx512f"), 2600, "AuthenticAMD", 26)
                .fmaPeak(2).gmacPerSec(), 1e-9);
        assertEquals(16 * 2 * 2 * 2.6, new CpuInfo("icx", 2, List.of("avx512f"), 2600, "GenuineIntel", 6)
                .fmaPeak(2).gmacPerSec(), 1e-9);
        assertTrue(Double.isNaN(new CpuInfo("x", 4, List.of("avx2", "fma"), Double.NaN).fmaPeak(4).gmacPerSec()));
    }

    @Test
    void memoryEstimateFromNetworkStats() {
        NetworkStats s = NetworkStats.of(MobileNetConfig.DEFAULT);
        MemoryEstimate one = MemoryGuard.estimate(s, 1);
        MemoryEstimate eight = MemoryGuard.estimate(s, 8);
        assertEquals(s.totals().parameterBytes(), one.weightBytes());
        assertEquals((s.totals().activationElements() + 224 * 224 * 3) * 4, one.activationBytes());
        assertEquals(8 * one.activationBytes(), eight.activationBytes());
        assertEquals((long) ((one.weightBytes() + one.activationBytes()) * 2.0) + 512L * 1024 * 1024,
                one.totalBytes());
        assertEquals(0, one.workerHeapBytes() % (64L * 1024 * 1024));
        assertTrue(eight.workerHeapBytes() >= one.workerHeapBytes());
    }

    @Test
    void guardRefusesWithTheFigures() {
        MemoryEstimate e = MemoryGuard.estimate(NetworkStats.of(MobileNetConfig.DEFAULT), 64);
        assertTrue(MemoryGuard.refusal(e, 64L << 30, "x").isEmpty());
        String m = MemoryGuard.refusal(e, 1L << 30, "1.0-224 on dl4j (batch 64)").orElseThrow();
        assertTrue(m.startsWith("1.0-224 on dl4j (batch 64) needs about "), m);
        assertTrue(m.contains("but only 1024 MB is available (80% of it usable)"), m);
    }

    @Test
    void readsMemAvailable(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("meminfo");
        Files.writeString(f, "MemTotal:       24000000 kB\nMemFree:  100 kB\nMemAvailable:   22000000 kB\n");
        assertEquals(22_000_000L * 1024, MemoryGuard.memAvailable(f).getAsLong());
        assertTrue(MemoryGuard.memAvailable(dir.resolve("none")).isEmpty());
    }
}
