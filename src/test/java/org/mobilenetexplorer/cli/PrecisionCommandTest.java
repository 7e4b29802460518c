package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mobilenetexplorer.onnx.proto.Onnx.ModelProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.FakeBackend;
import org.mobilenetexplorer.bench.Precisions;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.model.Precision;

/** --precision on bench, sweep, verify and export-onnx. */
class PrecisionCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return FakeBackend.withServices(() ->
                MainCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args));
    }

    @Test
    void dl4jWithInt8IsRefusedInOneLine() {
        assertEquals(2, run("bench", "--backend", "dl4j", "--precision", "int8", "--alpha", "0.25", "--resolution", "64",
                "--results", dir.toString()));
        assertEquals("bench: --backend dl4j --precision int8: DL4J has no INT8 CPU inference (INT8 runs on onnxruntime)",
                err.toString().strip());
        assertEquals(2, run("verify", "--backends", "dl4j", "--precision", "int8"));
        assertTrue(err.toString().contains("verify: --backends dl4j --precision int8: DL4J has no INT8"), err.toString());
    }

    @Test
    void badPrecisionIsNamed() {
        assertEquals(2, run("bench", "--backend", "fake", "--precision", "int4", "--results", dir.toString()));
        assertEquals("bench: --precision int4: must be fp32 or int8", err.toString().strip());
    }

    @Test
    void sweepRunsBothPrecisionsOfEachConfigurationBackToBack() {
        Path results = dir.resolve("sweep");
        int code = run("sweep", "--alphas", "0.25,0.5", "--resolutions", "96", "--backend", "fake", "--precision",
                "fp32,int8", "--out", results.toString(), "--warmup-runs", "1", "--warmup-time", "0", "--min-runs", "3",
                "--min-time", "0", "--option", "runMs=0.2", "--in-process");
        assertEquals(0, code, err::toString);
        List<BenchmarkResult> r = ResultStore.loadAll(results).results();
        assertEquals(4, r.size());
        assertEquals(2, r.stream().filter(x -> Precisions.of(x) == Precision.INT8).count());
        String s = out.toString();
        int a = s.indexOf(String.format("%-20s %s", "0.25-96", "fake"));
        int b = s.indexOf(String.format("%-20s %s", "0.25-96 int8", "fake"));
        int c = s.indexOf(String.format("%-20s %s", "0.5-96", "fake"));
        int d = s.indexOf(String.format("%-20s %s", "0.5-96 int8", "fake"));
        assertTrue(a >= 0 && a < b && b < c && c < d, s); // interleaved: fp32, int8 of one configuration, then the next
    }

    @Test
    void verifyInt8PassesOnSmallConfigurationsAndFailsAnImpossibleTolerance() {
        assertEquals(0, run("verify", "--precision", "int8", "--alpha", "0.25", "--resolution", "64", "--threads", "1"),
                out::toString);
        String line = out.toString().strip();
        assertTrue(line.startsWith("onnxruntime  0.25-64 int8  cos(logits) min 0.9") && line.endsWith("OK")
                && line.contains("top-1 4/4"), line); // dl4j left out of the default list for int8
        out.getBuffer().setLength(0);
        assertEquals(1, run("verify", "--precision", "int8", "--backends", "onnxruntime", "--alpha", "0.25",
                "--resolution", "64", "--min-cosine", "1", "--threads", "1"));
        assertTrue(out.toString().contains("FAIL (min cosine 1.0"), out.toString());
    }

    @Test
    void verifyInt8PassesForV3AndMinimalistic() {
        // every family and variant through BackendVerifier: OnnxRuntimeInt8FamiliesTest; here the command line
        for (String[] family : List.of(new String[] {"--family", "v3-large", "--alpha", "0.35"},
                new String[] {"--family", "v3-small", "--minimalistic", "--alpha", "0.5"})) {
            out.getBuffer().setLength(0);
            List<String> args = new java.util.ArrayList<>(List.of("verify", "--precision", "int8", "--resolution", "64",
                    "--threads", "1"));
            args.addAll(List.of(family));
            assertEquals(0, run(args.toArray(String[]::new)), out::toString);
            String line = out.toString().strip();
            assertTrue(line.startsWith("onnxruntime  " + family[1]) && line.contains(" int8  cos(logits) min 0.99")
                    && line.contains("ref top-1 in top-5 4/4") && line.endsWith("OK"), line);
        }
    }

    @Test
    void exportWritesTheQdqModel() throws Exception {
        Path f = dir.resolve("m.onnx");
        assertEquals(0, run("export-onnx", "--precision", "int8", "--alpha", "0.25", "--resolution", "64", "--out",
                f.toString()), err::toString);
        assertTrue(out.toString().contains("INT8 QDQ (batch norm folded, min/max calibration over 8 images)"),
                out.toString());
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(f));
        assertEquals(26, m.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Conv")
                && n.getInput(1).endsWith("/weights") && n.getInput(0).endsWith("/out")).count());
        assertTrue(m.getGraph().getInitializerList().stream().anyMatch(t -> t.getName().endsWith("_quantized")));
    }

    @Test
    void tradeoffTakesAQuantizedAccuracySourceForInt8() throws Exception {
        Path results = Files.createDirectories(dir.resolve("empty"));
        assertEquals(0, run("tradeoff", "--preset", "slim-grid-16", "--precision", "int8", "--results",
                results.toString()), err::toString);
        assertTrue(out.toString().startsWith("Accuracy: TF-Slim quantized 2018-08 [tf-slim-quant-2018-08]"),
                out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("tradeoff", "--preset", "slim-grid-16", "--results", results.toString()), err::toString);
        assertTrue(out.toString().startsWith("Accuracy: TF-Slim 2018 (float) [tf-slim-2018]"), out.toString());
        assertEquals(2, run("tradeoff", "--preset", "slim-grid-16", "--precision", "int4"));
    }
}
