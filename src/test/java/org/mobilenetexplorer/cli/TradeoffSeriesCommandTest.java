package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.tradeoff.SeriesComposerTest;

/** tradeoff and chart with --device, --precision fp32,int8 and --fill-predicted. */
class TradeoffSeriesCommandTest {

    @Test
    void seriesPerDeviceAndPrecisionWithDeviceFieldsInJson(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        for (BenchmarkResult r : SeriesComposerTest.twoDevices()) {
            new ResultStore(results).save(r);
        }
        PredictCommandTest.Run r = PredictCommandTest.run("tradeoff", "--preset", "slim-grid-16", "--x", "latency",
                "--results", results.toString(), "--precision", "fp32,int8", "--device", "EPYC", "--device",
                "published, Pixel 1", "--fill-predicted", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode series = new ObjectMapper().readTree(r.out()).get("series");
        assertEquals(3, series.size(), r.out().substring(0, Math.min(2000, r.out().length())));
        assertEquals("AMD EPYC 9R45, Linux amd64", series.get(0).get("device").asText());
        assertEquals("fp32", series.get(0).get("precision").asText());
        assertEquals("int8", series.get(1).get("precision").asText());
        assertEquals("tf-slim-quant-2018-08", series.get(1).get("accuracySource").get("id").asText());
        assertEquals("published", series.get(2).get("latencyKind").asText());
        JsonNode p = series.get(0).get("points").get(0);
        assertEquals("AMD EPYC 9R45, Linux amd64", p.get("device").asText());
        assertEquals("measured", p.get("latencyKind").asText());

        Path png = dir.resolve("series.png");
        r = PredictCommandTest.run("chart", "--preset", "slim-grid-16", "--x", "latency", "--results",
                results.toString(), "--device", "Cortex", "--device", "EPYC", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("series: Cortex-A76, Linux aarch64 \u00b7 FP32 measured (1 points)"), r.out());
        assertTrue(Files.size(png) > 10_000);

        r = PredictCommandTest.run("chart", "--preset", "slim-grid-16", "--x", "latency", "--results",
                results.toString(), "--device", "Snapdragon", "--out", png.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("chart: --device Snapdragon: no results of such a device"), r.err());
    }
}
