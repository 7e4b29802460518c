package org.mobilenetexplorer.tradeoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.Precisions;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;

/** A latency series holds one precision: FP32 and INT8 results of the same configuration never mix. */
class PrecisionSeriesTest {

    private static BenchmarkResult int8(BenchmarkResult r) {
        return r.toBuilder().id(r.id().replace("-b1", "-int8-b1"))
                .protocol(Precisions.with(r.protocol(), Precision.INT8)).build();
    }

    @Test
    void eachPrecisionIsItsOwnSeries(@TempDir Path dir) throws IOException {
        ResultStore store = new ResultStore(dir);
        MobileNetConfig c = MobileNetConfig.DEFAULT;
        BenchmarkResult fp32 = TradeoffAnalysisTest.result("20261128T010000.000Z-fake-1.0-224-b1", c, "fake", 1,
                10, 11, 12);
        // the INT8 result is newer: without the precision rule it would win the configuration
        BenchmarkResult int8 = int8(TradeoffAnalysisTest.result("20261128T020000.000Z-fake-1.0-224-b1", c, "fake", 1,
                5, 6, 7));
        store.save(fp32);
        store.save(int8);
        assertEquals("1.0-224 int8 fake", int8.label());
        assertEquals("1.0-224 fake", fp32.label());

        LatencyTable f = LatencyTable.load(dir, null);
        assertEquals(Precision.FP32, f.precision());
        assertEquals(11.0, f.latency(c).orElseThrow().medianMs());
        assertTrue(f.notes().stream().anyMatch(n -> n.contains("1 result(s) in another precision than fp32")),
                f.notes().toString());

        LatencyTable i = LatencyTable.load(dir, null, Precision.INT8);
        assertEquals(6.0, i.latency(c).orElseThrow().medianMs());
        assertTrue(i.backendName().endsWith(" INT8"), i.backendName());
    }

    @Test
    void oldResultFilesReadAsFp32(@TempDir Path dir) throws Exception {
        // a result file as written before precisions existed: no "precision" backend option anywhere
        BenchmarkResult old = TradeoffAnalysisTest.result("20261128T010000.000Z-fake-1.0-224-b1",
                MobileNetConfig.DEFAULT, "fake", 1, 10, 11, 12);
        Path file = dir.resolve("old.json");
        ResultStore.write(old, file);
        String json = Files.readString(file);
        assertTrue(!json.contains("precision"), json);
        BenchmarkResult read = ResultStore.read(file);
        assertEquals(Precision.FP32, Precisions.of(read));
        // and an INT8 result records its precision
        ResultStore.write(int8(old), file);
        assertTrue(Files.readString(file).contains("\"precision\" : \"int8\""), Files.readString(file));
        assertEquals(Precision.INT8, Precisions.of(ResultStore.read(file)));
    }
}
