package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.MobileNetConfig;

/** The builders of ProtocolSettings and BenchmarkResult: defaults, copies, and bad values named by field. */
class BuildersTest {

    @Test
    void protocolBuilderStartsFromTheDefaults() {
        ProtocolSettings d = ProtocolSettings.builder().build();
        assertEquals(ProtocolSettings.DEFAULT, d);
        assertEquals(5, d.warmupRuns());
        assertEquals(500, d.warmupMinTimeMs());
        assertEquals(20, d.minRuns());
        assertEquals(2_000, d.minTimeMs());
        assertEquals(60_000, d.maxTimeMs());
        assertEquals(1, d.batch());
        assertEquals(0, d.threads());
        assertEquals(42, d.inputSeed());
        assertEquals(1, d.weightSeed());
        assertEquals(0, d.profileRepeats());
        assertEquals(Map.of(), d.backendOptions());
        assertEquals("", d.nativeVariant());
        assertEquals(1, d.forks());
    }

    @Test
    void toBuilderChangesOnlyWhatItIsTold() {
        ProtocolSettings p = ProtocolSettings.builder().batch(8).forks(3).backendOptions(Map.of("k", "v"))
                .nativeVariant(" avx2 ").build();
        ProtocolSettings q = p.toBuilder().threads(2).build();
        assertEquals(new ProtocolSettings(5, 500, 20, 2_000, 60_000, 8, 2, 42, 1, 0, Map.of("k", "v"), "avx2", 3), q);
    }

    @Test
    void protocolBuilderNamesTheBadField() {
        assertBad("minRuns", "0", "must be in 1..1000000", () -> ProtocolSettings.builder().minRuns(0));
        assertBad("minRuns", "1000001", "must be in 1..1000000", () -> ProtocolSettings.builder().minRuns(1_000_001));
        assertBad("warmupRuns", "1000001", "must be in 0..1000000",
                () -> ProtocolSettings.builder().warmupRuns(1_000_001));
        assertBad("maxTimeMs", "86400001", "must be at most 1 day (86400s)",
                () -> ProtocolSettings.builder().maxTimeMs(86_400_001));
        assertBad("minTimeMs", "86400001", "must be at most 1 day (86400s)",
                () -> ProtocolSettings.builder().minTimeMs(86_400_001));
        assertBad("threads", "1025", "must be in 0..1024 (0 = all cores)", () -> ProtocolSettings.builder().threads(1025));
        assertBad("profileRepeats", "100001", "must be in 0..100000 (0 = no profile)",
                () -> ProtocolSettings.builder().profileRepeats(100_001));
        assertBad("batch", "4097", "must be in 1..4096", () -> ProtocolSettings.builder().batch(4097));
        assertBad("threads", "-1", "must be in 0..1024 (0 = all cores)", () -> ProtocolSettings.builder().threads(-1));
        assertBad("maxTimeMs", "0", "must be >= 1 ms", () -> ProtocolSettings.builder().maxTimeMs(0));
        assertBad("forks", "0", "must be in 1..20 (each fork is a fresh worker JVM running the whole protocol)",
                () -> ProtocolSettings.builder().forks(0));
        assertBad("forks", "21", "must be in 1..20 (each fork is a fresh worker JVM running the whole protocol)",
                () -> ProtocolSettings.builder().forks(21));
        assertBad("profileRepeats", "-2", "must be in 0..100000 (0 = no profile)",
                () -> ProtocolSettings.builder().profileRepeats(-2));
        // the record's own constructor keeps the same checks
        assertBad("warmupRuns", "-1", "must be in 0..1000000",
                () -> new ProtocolSettings(-1, 0, 1, 0, 1, 1, 0, 0, 0, 0, Map.of(), "", 1));
    }

    @Test
    void resultBuilderComputesTheStatisticsAndNamesMissingFields() {
        BenchmarkResult r = TestResults.sample("x", MobileNetConfig.DEFAULT, 1, 2, 3, 4);
        assertEquals(LatencyStatistics.of(new double[] {1, 2, 3, 4}), r.latencyMs());
        assertEquals(r, r.toBuilder().build());
        assertBad("id", "null", "must be a non-empty string", () -> r.toBuilder().id(null).build());
        assertBad("backend", " ", "must be a non-empty string", () -> r.toBuilder().backend(" ").build());
        assertBad("config", "null", "missing", () -> r.toBuilder().config(null).build());
        assertBad("samplesMs", "null", "missing", () -> r.toBuilder().samplesMs(null).build());
        assertBad("macsPerImage", "-1", "must be >= 0", () -> r.toBuilder().macsPerImage(-1));
        assertBad("samplesMs", "4 values", "must match latencyMs.n = 3",
                () -> r.toBuilder().latencyMs(LatencyStatistics.of(new double[] {1, 2, 3})).build());
        assertBad("forks", "null", "missing for protocol.forks = 2",
                () -> r.toBuilder().protocol(ProtocolSettings.DEFAULT.withForks(2)).build());
        assertBad("gmacPerSec", "null", "missing", () -> BenchmarkResult.builder().id("a")
                .config(MobileNetConfig.DEFAULT).backend("b").environment(Map.of()).protocol(ProtocolSettings.DEFAULT)
                .phases(r.phases()).samplesMs(List.of(1.0)).throughputPerSec(1).macsPerImage(1).build());
    }

    private static void assertBad(String field, String value, String rule, Runnable r) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, r::run);
        assertEquals(field, e.field());
        assertEquals(value, e.value());
        assertEquals(rule, e.rule());
        assertEquals(field + " = " + value + ": " + rule, e.getMessage());
    }
}
