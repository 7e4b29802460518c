package org.mobilenetexplorer.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.model.MobileNetConfig;

class AccuracyImportTest {

    @Test
    void csvRowsGroupBySource(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.csv");
        Files.writeString(f, "alpha,resolution,top1,top5,label,source\n"
                + "1.0,224,71.2,90.1,my run,lab\n"
                + "0.5,160,60.0,,,lab\n"
                + "0.75,192,66.0,,,\n");
        List<AccuracySource> sources = AccuracyImport.load(f);
        assertEquals(List.of("user:lab", "user:mine.csv"), sources.stream().map(AccuracySource::id).toList());
        AccuracyPoint p = sources.get(0).points().get(0);
        assertEquals(MobileNetConfig.DEFAULT, p.config());
        assertEquals(71.2, p.top1());
        assertEquals(90.1, p.top5());
        assertEquals("my run", p.label());
        assertEquals("mine.csv line 2", p.origin());
        assertNull(sources.get(0).points().get(1).top5());
        assertEquals("0.5-160", sources.get(0).points().get(1).label());
        // an imported source works with the estimator like a published one
        AccuracyCatalog cat = AccuracyCatalog.bundled().with(sources.get(0));
        assertEquals(71.2, new AccuracyEstimator(cat.source("user:lab"), AccuracyMetric.TOP1)
                .estimate(MobileNetConfig.DEFAULT).value());
    }

    @Test
    void jsonArrayOrPointsObject(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Files.writeString(a, "[{\"alpha\": 1.0, \"resolution\": 224, \"top1\": 70.0}]");
        assertEquals(70.0, AccuracyImport.load(a).get(0).points().get(0).top1());
        Path b = dir.resolve("b.json");
        Files.writeString(b, "{\"name\": \"x\",\n \"points\": [\n {\"alpha\": 0.5, \"resolution\": 128, \"top5\": 79}\n]}");
        assertEquals(79.0, AccuracyImport.load(b).get(0).points().get(0).top5());
    }

    private static String error(Path dir, String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return assertThrows(AccuracyImportException.class, () -> AccuracyImport.load(f)).getMessage();
    }

    @Test
    void errorsNameFileLineFieldAndValue(@TempDir Path dir) throws Exception {
        String p = dir.toString() + "/";
        assertEquals(p + "bad.csv: line 3: top1 = abc: must be a number in [0, 100]",
                error(dir, "bad.csv", "alpha,resolution,top1\n1.0,224,70\n0.5,160,abc\n"));
        assertEquals(p + "bad2.csv: line 2: top1 = 170: must be a percentage in [0, 100]",
                error(dir, "bad2.csv", "alpha,resolution,top1\n1.0,224,170\n"));
        assertEquals(p + "bad3.csv: line 2: alpha = -0.5: must be in (0, 4]",
                error(dir, "bad3.csv", "alpha,resolution,top1\n-0.5,224,70\n"));
        assertEquals(p + "bad4.csv: line 2: top_1 is not a known field (known: alpha, resolution, top1, top5, label,"
                + " source)", error(dir, "bad4.csv", "alpha,resolution,top_1\n1.0,224,70\n"));
        assertEquals(p + "bad5.csv: line 2: resolution is missing",
                error(dir, "bad5.csv", "alpha,top1\n1.0,70\n"));
        assertEquals(p + "bad6.json: line 3: resolution = 22.5: must be an integer",
                error(dir, "bad6.json", "[\n {\"alpha\": 1, \"resolution\": 224, \"top1\": 70},\n"
                        + " {\"alpha\": 1, \"resolution\": 22.5, \"top1\": 70}\n]"));
        assertEquals(p + "bad7.txt: unknown format: the file name must end in .csv or .json",
                error(dir, "bad7.txt", "x"));
        assertEquals(p + "bad8.csv: line 2: top1 is missing: give top1 or top5",
                error(dir, "bad8.csv", "alpha,resolution,top1\n1.0,224,\n"));
    }
}
