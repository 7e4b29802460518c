package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.ProtocolSettings;
import org.mobilenetexplorer.bench.ResultStore;

/** bench and sweep end to end on the test backend "fake" (in process: fast), and their input errors. */
class BenchCommandTest {

    @TempDir
    Path dir;

    private static final String[] QUICK = {"--warmup-runs", "1", "--warmup-time", "0", "--min-runs", "5",
        "--min-time", "0", "--option", "runMs=0.5", "--in-process"};

    private static String[] args(String... first) {
        String[] a = new String[first.length + QUICK.length];
        System.arraycopy(first, 0, a, 0, first.length);
        System.arraycopy(QUICK, 0, a, first.length, QUICK.length);
        return a;
    }

    @Test
    void benchPrintsASummaryAndSavesTheResult() throws Exception {
        Path file = dir.resolve("one.json");
        Cli.Run r = Cli.withFake(args("bench", "--backend", "fake", "--alpha", "0.25", "--resolution", "96",
                "--results", dir.resolve("results").toString(), "--out", file.toString(), "--profile-layers", "3"));
        assertEquals(0, r.code(), r.err());
        String s = r.out();
        assertTrue(s.startsWith("MobileNet 0.25-96 on fake (Fake backend (tests)), batch 1"), s);
        assertTrue(s.contains("steady state        5 runs"), s);
        assertTrue(s.contains("median "), s);
        assertTrue(s.contains("(95% CI "), s);
        assertTrue(s.contains("UNSTABLE TOO_FEW_RUNS: 5 measured run(s) < 10"), s);
        assertTrue(s.contains("Conv2d_13_depthwise"), s);
        assertTrue(s.contains("13 layer(s)                DEPTHWISE"), s);
        assertTrue(s.contains("  saved: " + dir.resolve("results")), s);
        assertTrue(!s.contains("forks"), "one fork: no fork lines");
        BenchmarkResult result = ResultStore.read(file);
        assertEquals(5, result.samplesMs().size());
        assertEquals(30, result.layers().size());
        assertEquals(List.of(result), ResultStore.loadAll(dir.resolve("results")).results());
    }

    @Test
    void benchWithForksShowsAndStoresTheSpreadBetweenForks() throws Exception {
        Path results = dir.resolve("results");
        Cli.Run r = Cli.withFake(args("bench", "--backend", "fake", "--alpha", "0.25", "--resolution", "96",
                "--forks", "3", "--results", results.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("steady state        15 runs in "), r.out());
        assertTrue(r.out().contains("(ms per batch, 3 forks pooled)"), r.out());
        assertTrue(r.out().contains("  forks               3 fresh worker JVMs; median (CV) per fork: "), r.out());
        assertTrue(r.out().contains("    between forks: median "), r.out());
        assertTrue(r.err().contains("bench: 0.25-96 on fake: fork 3 of 3"), r.err());
        assertTrue(r.err().contains("--in-process: the 3 forks run one after the other in this JVM"), r.err());
        BenchmarkResult saved = ResultStore.loadAll(results).results().get(0);
        assertEquals(3, saved.protocol().forks());
        assertEquals(3, saved.forks().count());
        assertEquals(15, saved.samplesMs().size());
    }

    @Test
    void sweepOverAGridSavesEveryResultAndPrintsATable() {
        Path results = dir.resolve("sweep");
        Cli.Run r = Cli.withFake(args("sweep", "--alphas", "0.25,0.5", "--resolutions", "96,128", "--backend", "fake",
                "--results", results.toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals(4, ResultStore.loadAll(results).results().size());
        String s = r.out();
        assertTrue(s.contains(String.format("%-20s %s", "0.25-96", "fake")), s);
        assertTrue(s.contains(String.format("%-20s %s", "0.5-128", "fake")), s);
        assertTrue(s.contains("4 of 4 completed, 0 failed"), s);
        assertTrue(!s.contains("fork medians"), "one fork: no fork columns");
        assertTrue(r.err().contains("[########################] 4/4"), r.err());
        assertTrue(r.err().contains("ETA 0:00"), r.err());
        assertTrue(!r.err().contains("deprecated"), r.err());
    }

    @Test
    void sweepWithForksAddsTheForkColumns() {
        Path results = dir.resolve("sweep");
        Cli.Run r = Cli.withFake(args("sweep", "--alphas", "0.25", "--resolutions", "96", "--backend", "fake",
                "--forks", "2", "--results", results.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("sweep: 1 benchmark(s) x 2 forks, results in "), r.err());
        assertTrue(r.out().lines().findFirst().orElseThrow().contains(" forks fork medians  flags"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(String.format("%-20s %s", "0.25-96", "fake")) && l.matches(".*%\\s+2 +\\d+\\.\\d{3}\\.\\.\\d+\\.\\d{3} .*")),
                r.out());
        assertEquals(2, ResultStore.loadAll(results).results().get(0).forks().count());
    }

    @Test
    void sweepOutIsADeprecatedAliasOfResults() {
        Path results = dir.resolve("old");
        Cli.Run r = Cli.withFake(args("sweep", "--alphas", "0.25", "--resolutions", "96", "--backend", "fake",
                "--out", results.toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals(1, ResultStore.loadAll(results).results().size());
        assertEquals(List.of("sweep: --out DIR is deprecated: use --results DIR (the same option as bench, tradeoff "
                + "and chart)"), r.errLines().stream().filter(l -> l.contains("deprecated")).toList());
        Cli.Run both = Cli.withFake(args("sweep", "--alphas", "0.25", "--resolutions", "96", "--backend", "fake",
                "--out", results.toString(), "--results", dir.toString()));
        assertEquals(2, both.code());
        assertEquals("sweep: --out " + results + ": the deprecated name of --results: give only --results " + dir,
                both.err().strip());
    }

    @Test
    void sweepRunsAGridOfFamiliesAndRecordsThem() {
        Path results = dir.resolve("sweep");
        Cli.Run r = Cli.withFake(args("sweep", "--family", "v2,v3-small", "--alphas", "0.5", "--resolutions", "96",
                "--backend", "fake", "--results", results.toString()));
        assertEquals(0, r.code(), r.err());
        List<BenchmarkResult> saved = ResultStore.loadAll(results).results();
        assertEquals(List.of("v2 0.5-96", "v3-small 0.5-96"), saved.stream().map(x -> x.config().label()).sorted().toList());
        assertTrue(saved.stream().anyMatch(x -> x.config().family() == org.mobilenetexplorer.model.Family.V3_SMALL));
        assertTrue(r.out().contains(String.format("%-20s %s", "v3-small 0.5-96", "fake")), r.out());
        r = Cli.withFake(args("sweep", "--family", "v3-large", "--minimalistic", "--alphas", "0.35", "--resolutions", "64",
                "--backend", "fake", "--results", results.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(ResultStore.loadAll(results).results().stream()
                .anyMatch(x -> x.config().label().equals("v3-large-min 0.35-64") && x.config().minimalistic()));
    }

    @Test
    void sweepReportsAFailureAndGoesOn() {
        Path results = dir.resolve("sweep");
        Cli.Run r = Cli.withFake("sweep", "--alphas", "0.25", "--resolutions", "96", "--backend", "fake", "--option",
                "fail=throw", "--results", results.toString(), "--in-process");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("FAILED: fake backend failure (as asked)"), r.out());
        assertTrue(r.err().contains("sweep: 0.25-96 on fake FAILED: fake backend failure (as asked)"));
    }

    @Test
    void sweepAcceptsABundledPresetName() {
        Cli.Run r = Cli.withFake(args("sweep", "--preset", "no-such-preset", "--backend", "fake"));
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("sweep: --preset no-such-preset: no such file (bundled presets: "), r.err());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        assertBad("bench: --backend tensorflow: must be one of ", "bench", "--backend", "tensorflow");
        assertBad("bench: --min-runs 0: must be in 1..1000000", "bench", "--backend", "fake", "--min-runs", "0");
        assertBad("bench: --batch 0: must be in 1..4096", "bench", "--backend", "fake", "--batch", "0");
        assertBad("bench: --max-time 0ms: must be >= 1 ms", "bench", "--backend", "fake", "--max-time", "0ms");
        assertBad("bench: --forks 21: must be in 1..20 (each fork is a fresh worker JVM running the whole protocol)",
                "bench", "--backend", "fake", "--forks", "21");
        assertBad("sweep: --forks 0: must be in 1..20", "sweep", "--alphas", "1", "--resolutions", "96", "--backend",
                "fake", "--forks", "0");
        assertBad("bench: --min-time soon: must be a time like 500ms, 2s, 1.5 (seconds) or 1m", "bench",
                "--min-time", "soon");
        assertBad("bench: --alpha 5.0: must be in (0, 4]", "bench", "--alpha", "5");
        assertBad("bench: --out " + dir + ": not a regular file (a directory): refusing to replace it", "bench",
                "--backend", "fake", "--out", dir.toString());
        // refused before the benchmark starts (no progress line), not after it ran
        assertBad("bench: --out " + dir.resolve("no/r.json") + ": directory " + dir.resolve("no")
                + " does not exist (create it first)", "bench", "--backend", "fake", "--out",
                dir.resolve("no/r.json").toString());
        if (Files.isDirectory(Path.of("/sys"))) { // a folder even root cannot write into
            assertBad("bench: --results /sys/mnx-results: ", "bench", "--backend", "fake",
                    "--results", "/sys/mnx-results");
            assertBad("sweep: --results /sys/mnx-results: ", "sweep", "--alphas", "0.25",
                    "--resolutions", "96", "--backend", "fake", "--results", "/sys/mnx-results");
            // the deprecated --out of sweep: one line naming --out (before: the deprecation note, then "--results")
            assertBad("sweep: --out /sys/mnx-results: ", "sweep", "--alphas", "0.25", "--resolutions", "96",
                    "--backend", "fake", "--out", "/sys/mnx-results");
            // calibrate benchmarked its whole grid (minutes) and only then failed to write the profile
            assertBad("calibrate: --results /sys/mnx-results: ", "calibrate", "--backend", "fake", "--families", "v1",
                    "--alphas", "0.25", "--resolutions", "96", "--results", "/sys/mnx-results");
        }
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        assertBad("bench: --results " + file + ": is a file (give a directory)", "bench", "--backend", "fake",
                "--results", file.toString());
        assertBad("sweep: --results " + file + ": is a file (give a directory)", "sweep", "--alphas", "1",
                "--resolutions", "96", "--backend", "fake", "--results", file.toString());
        assertBad("sweep: --backend tflite: must be one of ", "sweep", "--alphas", "1", "--resolutions", "96",
                "--backend", "fake,tflite");
        assertBad("sweep: --alphas x: not a decimal number", "sweep", "--alphas", "x", "--resolutions", "96");
        assertBad("sweep: --family v4: must be v1, v2, v3-large or v3-small", "sweep", "--family", "v4", "--alphas", "1",
                "--resolutions", "96");
        assertBad("sweep: --minimalistic: applies to families v3-large and v3-small only, not v2", "sweep", "--family",
                "v2", "--minimalistic", "--alphas", "1", "--resolutions", "96");
        assertBad("sweep: --resolutions 20: must be an integer in 32..2048", "sweep", "--alphas", "0.5",
                "--resolutions", "20");
        Path notJson = dir.resolve("p.json");
        Files.writeString(notJson, "{");
        assertBad("sweep: " + notJson, "sweep", "--preset", notJson.toString());
        assertBad("sweep: --preset p.json: give either --preset or --alphas with --resolutions, not both", "sweep",
                "--preset", "p.json", "--alphas", "1", "--resolutions", "96");
        assertBad("sweep: --resolutions missing: a grid needs both --alphas and --resolutions", "sweep", "--alphas",
                "1");
        assertBad("sweep: configurations missing: give --preset FILE, or --alphas A,... with --resolutions PX,...",
                "sweep");
    }

    private static void assertBad(String prefix, String... args) {
        Cli.Run r = Cli.withFake(args);
        assertEquals(2, r.code(), () -> String.join(" ", args) + " -> " + r.err());
        assertTrue(r.err().startsWith(prefix), () -> "expected '" + prefix + "', got: " + r.err());
        assertEquals(1, r.err().strip().lines().count(), () -> "one line: " + r.err());
    }

    @Test
    void aBadProtocolValueIsAnExceptionCarryingTheOptionAndValue() {
        ProtocolOptions o = new ProtocolOptions();
        assertEquals(ProtocolSettings.DEFAULT, o.toSettings(), "the options' defaults are ProtocolSettings'");
        o.minTime = "250ms";
        o.forks = 4;
        assertEquals(ProtocolSettings.DEFAULT.withMeasurement(20, 250, 60_000).withForks(4), o.toSettings());
        o.threads = -3;
        OptionValueException e = assertThrows(OptionValueException.class, o::toSettings);
        assertEquals("--threads", e.option());
        assertEquals("-3", e.value());
        assertEquals("must be in 0..1024 (0 = all cores)", e.rule());
        assertEquals("--threads -3: must be in 0..1024 (0 = all cores)", e.getMessage());
    }

    @Test
    void timesParseAndPrint() {
        assertEquals(500, ProtocolOptions.millis("--x", "500ms"));
        assertEquals(2000, ProtocolOptions.millis("--x", "2s"));
        assertEquals(1500, ProtocolOptions.millis("--x", "1.5"));
        assertEquals(60_000, ProtocolOptions.millis("--x", "1m"));
        for (long ms : new long[] {0, 1, 500, 1500, 2000, 60_000, 90_000}) {
            assertEquals(ms, ProtocolOptions.millis("--x", ProtocolOptions.time(ms)), () -> ProtocolOptions.time(ms));
        }
        assertEquals("2s", ProtocolOptions.time(2000));
        assertEquals("1m", ProtocolOptions.time(60_000));
    }
}
