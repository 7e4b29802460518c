package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Result files written before issue 10 (schema version 1: sentences instead of codes, no forks) still load. The
 * files in src/test/resources/results-v1 were written by that build's {@code bench --out} on the fake backend;
 * never regenerate them.
 */
class ResultSchemaTest {

    private static Path v1(String name) throws URISyntaxException {
        return Path.of(ResultSchemaTest.class.getResource("/results-v1/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1-highcv.json", "v1-capped.json"})
    void versionOneFilesLoadAndSayWhatTheySaid(String name) throws Exception {
        Path file = v1(name);
        JsonNode old = ResultJson.mapper().readTree(file.toFile());
        assertEquals(1, old.get("schemaVersion").asInt());

        BenchmarkResult r = ResultStore.read(file);
        assertEquals(BenchmarkResult.SCHEMA_VERSION, r.schemaVersion());
        assertEquals(old.get("id").asText(), r.id());
        assertEquals(1, r.protocol().forks());
        assertNull(r.forks());
        assertEquals(old.get("samplesMs").size(), r.samplesMs().size());
        // the words now come from ResultWords, from the numbers: the same sentences as the old files stored
        assertEquals(old.get("unstable").size(), r.unstable().size());
        for (int i = 0; i < r.unstable().size(); i++) {
            assertEquals(old.get("unstable").get(i).get("reason").asText(), ResultWords.reason(r, r.unstable().get(i)));
        }
        assertEquals(old.get("fmaPeak").get("method").asText(), ResultWords.method(r.fmaPeak()));
        assertEquals(old.get("fmaPeak").get("gmacPerSec").asDouble(), r.fmaPeak().gmacPerSec());
        if (r.layerSummary() != null) {
            assertEquals(old.get("layerSummary").get("note").asText(), ResultWords.note(r.layerSummary()));
        }
    }

    @Test
    void theUpgradedNumbersComeFromTheFile() throws Exception {
        BenchmarkResult r = ResultStore.read(v1("v1-capped.json"));
        assertEquals(List.of(Instability.HIGH_CV, Instability.TOO_FEW_RUNS, Instability.MAX_TIME_CAP),
                r.unstable().stream().map(UnstableFlag::kind).toList());
        assertEquals(new UnstableFlag(Instability.HIGH_CV, r.latencyMs().cv(), 0.10), r.unstable().get(0));
        assertEquals(new UnstableFlag(Instability.TOO_FEW_RUNS, 3, 10), r.unstable().get(1));
        assertEquals(new UnstableFlag(Instability.MAX_TIME_CAP, 3, 50), r.unstable().get(2));
        assertEquals(2, r.protocol().batch());
        PeakEstimate p = r.fmaPeak();
        assertEquals(new PeakEstimate(p.gmacPerSec(), PeakEstimate.Isa.AVX512F, 16, 2, 2, 2.096), p,
                "the clock from the environment's cpuMhz 2096, not the sentence's rounded 2.10");
        assertEquals(16 * 2 * 2 * 2.096, p.gmacPerSec(), 0.002 * 16 * 2 * 2,
                "the factors give the stored figure, within cpuMhz's rounding to 1 MHz");
    }

    @Test
    void versionOnePeakSentencesBecomeTheirFactors() throws Exception {
        String good = Files.readString(v1("v1-capped.json"));
        String method = "estimate: 16 FP32 lanes (AVX-512F) x 2 FMA units/core (assumed) x 2 threads x 2.10 GHz "
                + "('cpu MHz' in /proc/cpuinfo) = 134.1 GMAC/s; the reported clock is often the base clock: a CPU in "
                + "boost runs faster, so a share above 100% means it boosted (SMT siblings share FMA units)";
        assertTrue(good.contains(method));
        Path dir = Files.createTempDirectory("v1-peak");
        try {
            Path halves = Files.writeString(dir.resolve("zen4.json"), good.replace("(AVX-512F) x 2 FMA units/core "
                    + "(assumed) x 2 threads", "(AVX-512F run as 2 x 256-bit halves on AuthenticAMD family 25) x 2 "
                    + "FMA units/core (assumed) x 2 threads").replace("16 FP32 lanes", "8 FP32 lanes"));
            PeakEstimate zen4 = ResultStore.read(halves).fmaPeak();
            assertEquals(PeakEstimate.Isa.AVX512F_HALF_RATE, zen4.isa());
            assertEquals(8, zen4.lanes());
            Path noClock = Files.writeString(dir.resolve("noclock.json"), good.replace(method,
                    "unknown: no clock in /proc/cpuinfo (AVX2+FMA)"));
            PeakEstimate p = ResultStore.read(noClock).fmaPeak();
            assertEquals(PeakEstimate.Isa.AVX2_FMA, p.isa());
            assertEquals("unknown: no clock in /proc/cpuinfo (AVX2+FMA)", ResultWords.method(p));
            Path noSimd = Files.writeString(dir.resolve("nosimd.json"), good.replace(method,
                    "unknown: no SIMD flags in /proc/cpuinfo"));
            assertEquals("unknown: no SIMD flags in /proc/cpuinfo", ResultWords.method(ResultStore.read(noSimd).fmaPeak()));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void aLoadedVersionOneFileIsSavedAsTheCurrentVersion(@TempDir Path dir) throws Exception {
        BenchmarkResult r = ResultStore.read(v1("v1-highcv.json"));
        Path again = new ResultStore(dir).save(r);
        String json = Files.readString(again);
        assertTrue(json.contains("\"schemaVersion\" : " + BenchmarkResult.SCHEMA_VERSION), json);
        assertTrue(!json.contains("\"reason\"") && !json.contains("\"note\"") && !json.contains("\"method\""),
                "codes and numbers only");
        assertEquals(r, ResultStore.read(again));
    }
}
