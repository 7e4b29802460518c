package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeoffCommandTest {
    private static final String GRID = "presets/slim-grid-16.json";

    private static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @Test
    void tableListsParetoSetAndEstimatorError(@TempDir Path empty) {
        Cli.Run r = run("tradeoff", "--preset", GRID, "--x", "macs", "--y", "top1", "--accuracy-source", "tf-slim-2018",
                "--results", empty.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Pareto front (max top1, min macs): 0.25-128, 0.25-160, 0.25-192, 0.25-224,"
                + " 0.5-128, 0.5-160, 0.75-128, 0.5-224, 0.75-160, 0.75-192, 1.0-160, 0.75-224, 1.0-192, 1.0-224"),
                r.out());
        assertTrue(r.out().contains("Estimator on tf-slim-2018: v1: quadratic surface in (ln alpha, ln resolution),"
                + " LOO MAE 0.18, max 0.50 pts (n=16)"), r.out());
        assertTrue(r.out().contains("latency not available, MACs and params only"), r.out());
        Cli.Run paper = run("tradeoff", "--preset", "slim-grid-16", "--accuracy-source", "paper", "--results",
                empty.toString());
        assertTrue(paper.out().lines().anyMatch(l -> l.startsWith("0.25-128") && l.contains("est., extrapolated")),
                paper.out());
        assertTrue(paper.out().lines().anyMatch(l -> l.startsWith("0.25-224") && !l.contains("est.")), paper.out());
    }

    @Test
    void jsonHasTheContractedPointFields(@TempDir Path empty) throws Exception {
        Cli.Run r = run("tradeoff", "--preset", GRID, "--x", "params", "--accuracy-source", "paper", "--format", "json",
                "--results", empty.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode points = root.get("points");
        assertEquals(16, points.size());
        for (String field : List.of("alpha", "resolution", "x", "y", "estimated", "pareto", "accuracySource")) {
            assertTrue(points.get(0).has(field), field);
        }
        // paper prints 1.0-224 but not 0.75-192: published vs estimated, never silently mixed
        assertFalse(points.get(0).get("estimated").asBoolean());
        JsonNode p075192 = points.get(5);
        assertEquals(0.75, p075192.get("alpha").asDouble());
        assertEquals(192, p075192.get("resolution").asInt());
        assertTrue(p075192.get("estimated").asBoolean());
        assertEquals("paper", root.get("accuracySource").get("id").asText());
        assertTrue(root.get("estimator").get("leaveOneOutN").asInt() > 0);
    }

    @Test
    void isoCostAnswersTheQuestion(@TempDir Path empty) {
        Cli.Run r = run("tradeoff", "--iso-cost", "0.75-224", "--tolerance", "5", "--resolutions", "192",
                "--results", empty.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Reference 0.75-224: macs = 325.40 million MACs"), r.out());
        assertTrue(r.out().contains("192 px: alpha 0.881"), r.out());
    }

    @Test
    void chartWritesPngAtRequestedSize(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("fig4.png");
        Cli.Run r = run("chart", "--preset", GRID, "--x", "macs", "--y", "top1", "--accuracy-source", "tf-slim-2018",
                "--out", png.toString(), "--width", "900", "--height", "600", "--scale", "2",
                "--results", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1800, ImageIO.read(png.toFile()).getWidth());
        assertTrue(r.out().contains("wrote " + png + " (png, 1800x1200 px)"), r.out());
        Path layers = dir.resolve("layers.csv");
        assertEquals(0, run("chart", "--type", "layers", "--alpha", "0.5", "--resolution", "160", "--out",
                layers.toString(), "--results", dir.toString()).code());
        assertTrue(Files.readString(layers).startsWith("axis,series,category,value,provenance"));
    }

    @Test
    void severalBackendsMatterOnlyForLatency(@TempDir Path dir) throws Exception {
        var store = new org.mobilenetexplorer.bench.ResultStore(dir);
        var c = new org.mobilenetexplorer.model.MobileNetConfig(0.5, 160).withClasses(1001);
        store.save(org.mobilenetexplorer.tradeoff.TradeoffAnalysisTest.result("20261128T010000.000Z-a", c, "a", 1,
                5, 6, 7));
        store.save(org.mobilenetexplorer.tradeoff.TradeoffAnalysisTest.result("20261128T010000.000Z-b", c, "b", 1,
                50, 60, 70));
        Cli.Run macs = run("tradeoff", "--preset", GRID, "--results", dir.toString());
        assertEquals(0, macs.code(), macs.err());
        assertTrue(macs.out().contains("several backends (a, b): choose one with --backend; latency left out"),
                macs.out());
        Cli.Run lat = run("tradeoff", "--preset", GRID, "--x", "latency", "--results", dir.toString());
        assertEquals(2, lat.code());
        assertTrue(lat.err().contains("choose one with --backend"), lat.err());
        Cli.Run b = run("tradeoff", "--preset", GRID, "--x", "latency", "--backend", "b", "--results", dir.toString(),
                "--format", "csv");
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().lines().anyMatch(l -> l.startsWith("0.5-160,0.5,160,60.0,59.1,false,false,true,")
                && l.contains(",b,20261128T010000.000Z-b.json,Test CPU 2.0GHz")), b.out());
    }

    @Test
    void badInputIsOneLineWithExitCode2(@TempDir Path dir) throws Exception {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"tradeoff", "--preset", GRID, "--x", "flops"});
        cases.add(new String[] {"tradeoff", "--preset", GRID, "--accuracy-source", "nope"});
        cases.add(new String[] {"tradeoff", "--preset", dir.resolve("missing.json").toString()});
        cases.add(new String[] {"tradeoff", "--preset", GRID, "--x", "latency", "--results", dir.toString()});
        cases.add(new String[] {"chart", "--preset", GRID, "--out", dir.resolve("x.gif").toString()});
        cases.add(new String[] {"chart", "--preset", GRID, "--out", dir.resolve("x.png").toString(), "--width", "5"});
        cases.add(new String[] {"tradeoff", "--iso-cost", "big-224"});
        Path acc = dir.resolve("acc.csv");
        Files.writeString(acc, "alpha,resolution,top1\n1.0,224,seventy\n");
        cases.add(new String[] {"tradeoff", "--preset", GRID, "--accuracy-file", acc.toString(),
            "--accuracy-source", "user:acc.csv"});
        String[] expect = {"--x flops", "--accuracy-source nope", "missing.json", "--x latency", "x.gif", "--width 5",
            "--iso-cost big-224", "acc.csv: line 2: top1 = seventy"};
        for (int i = 0; i < cases.size(); i++) {
            Cli.Run r = run(cases.get(i));
            assertEquals(2, r.code(), String.join(" ", cases.get(i)) + " -> " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(expect[i]), r.err());
        }
    }
}
