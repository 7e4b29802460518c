package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.FakeBackend;
import org.mobilenetexplorer.bench.ResultStore;

/** bench and sweep end to end on the test backend "fake" (in process: fast), and their input errors. */
class BenchCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return FakeBackend.withServices(() ->
                MainCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args));
    }

    private static final String[] QUICK = {"--warmup-runs", "1", "--warmup-time", "0", "--min-runs", "5",
        "--min-time", "0", "--option", "runMs=0.5", "--in-process"};

    private String[] args(String... first) {
        String[] a = new String[first.length + QUICK.length];
        System.arraycopy(first, 0, a, 0, first.length);
        System.arraycopy(QUICK, 0, a, first.length, QUICK.length);
        return a;
    }

    @Test
    void benchPrintsASummaryAndSavesTheResult() throws Exception {
        Path file = dir.resolve("one.json");
        int code = run(args("bench", "--backend", "fake", "--alpha", "0.25", "--resolution", "96",
                "--results", dir.resolve("results").toString(), "--out", file.toString(), "--profile-layers", "3"));
        assertEquals(0, code, err::toString);
        String s = out.toString();
        assertTrue(s.startsWith("MobileNet 0.25-96 on fake (Fake backend (tests)), batch 1"), s);
        assertTrue(s.contains("steady state        5 runs"), s);
        assertTrue(s.contains("median "), s);
        assertTrue(s.contains("(95% CI "), s);
        assertTrue(s.contains("UNSTABLE TOO_FEW_RUNS: 5 measured run(s) < 10"), s);
        assertTrue(s.contains("Conv2d_13_depthwise"), s);
        assertTrue(s.contains("13 layer(s)                DEPTHWISE"), s);
        BenchmarkResult r = ResultStore.read(file);
        assertEquals(5, r.samplesMs().size());
        assertEquals(30, r.layers().size());
        assertEquals(List.of(r), ResultStore.loadAll(dir.resolve("results")).results());
    }

    @Test
    void sweepOverAGridSavesEveryResultAndPrintsATable() {
        Path results = dir.resolve("sweep");
        int code = run(args("sweep", "--alphas", "0.25,0.5", "--resolutions", "96,128", "--backend", "fake",
                "--out", results.toString()));
        assertEquals(0, code, err::toString);
        assertEquals(4, ResultStore.loadAll(results).results().size());
        String s = out.toString();
        assertTrue(s.contains(String.format("%-20s %s", "0.25-96", "fake")), s);
        assertTrue(s.contains(String.format("%-20s %s", "0.5-128", "fake")), s);
        assertTrue(s.contains("4 of 4 completed, 0 failed"), s);
        assertTrue(err.toString().contains("[########################] 4/4"), err.toString());
        assertTrue(err.toString().contains("ETA 0:00"), err.toString());
    }

    @Test
    void sweepRunsAGridOfFamiliesAndRecordsThem() {
        Path results = dir.resolve("sweep");
        int code = run(args("sweep", "--family", "v2,v3-small", "--alphas", "0.5", "--resolutions", "96",
                "--backend", "fake", "--out", results.toString()));
        assertEquals(0, code, err::toString);
        List<BenchmarkResult> saved = ResultStore.loadAll(results).results();
        assertEquals(List.of("v2 0.5-96", "v3-small 0.5-96"), saved.stream().map(r -> r.config().label()).sorted().toList());
        assertTrue(saved.stream().anyMatch(r -> r.config().family() == org.mobilenetexplorer.model.Family.V3_SMALL));
        assertTrue(out.toString().contains(String.format("%-20s %s", "v3-small 0.5-96", "fake")), out::toString);
        code = run(args("sweep", "--family", "v3-large", "--minimalistic", "--alphas", "0.35", "--resolutions", "64",
                "--backend", "fake", "--out", results.toString()));
        assertEquals(0, code, err::toString);
        assertTrue(ResultStore.loadAll(results).results().stream()
                .anyMatch(r -> r.config().label().equals("v3-large-min 0.35-64") && r.config().minimalistic()));
    }

    @Test
    void sweepReportsAFailureAndGoesOn() {
        Path results = dir.resolve("sweep");
        int code = run("sweep", "--alphas", "0.25", "--resolutions", "96", "--backend", "fake", "--option",
                "fail=throw", "--out", results.toString(), "--in-process");
        assertEquals(1, code);
        assertTrue(out.toString().contains("FAILED: fake backend failure (as asked)"), out.toString());
        assertTrue(err.toString().contains("sweep: 0.25-96 on fake FAILED: fake backend failure (as asked)"));
    }

    @Test
    void sweepAcceptsABundledPresetName() {
        int code = run(args("sweep", "--preset", "no-such-preset", "--backend", "fake"));
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("sweep: --preset no-such-preset: no such file (bundled presets: "),
                err.toString());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        assertBad("bench: --backend tensorflow: must be one of ", "bench", "--backend", "tensorflow");
        assertBad("bench: --min-runs 0: must be >= 1", "bench", "--backend", "fake", "--min-runs", "0");
        assertBad("bench: --batch 0: must be in 1..4096", "bench", "--backend", "fake", "--batch", "0");
        assertBad("bench: --min-time soon: must be a time like 500ms, 2s, 1.5 (seconds) or 1m", "bench",
                "--min-time", "soon");
        assertBad("bench: --alpha 5.0: must be in (0, 4]", "bench", "--alpha", "5");
        assertBad("bench: --out " + dir + ": is a directory (give a file name)", "bench", "--backend", "fake",
                "--out", dir.toString());
        assertBad("sweep: --alphas x: not a number", "sweep", "--alphas", "x", "--resolutions", "96");
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

    private void assertBad(String prefix, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertEquals(2, run(args), () -> String.join(" ", args) + " -> " + err);
        String e = err.toString();
        assertTrue(e.startsWith(prefix), () -> "expected '" + prefix + "', got: " + e);
        assertEquals(1, e.strip().lines().count(), () -> "one line: " + e);
    }

    @Test
    void timesParse() {
        assertEquals(500, ProtocolOptions.millis("--x", "500ms"));
        assertEquals(2000, ProtocolOptions.millis("--x", "2s"));
        assertEquals(1500, ProtocolOptions.millis("--x", "1.5"));
        assertEquals(60_000, ProtocolOptions.millis("--x", "1m"));
    }
}
