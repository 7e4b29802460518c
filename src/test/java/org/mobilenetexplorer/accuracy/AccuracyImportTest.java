package org.mobilenetexplorer.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(p + "bad4.csv: line 1: top_1 is not a known field (known: alpha, resolution, top1, top5, label,"
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

    /** Issue 12 item 6: each of these was accepted (or crashed) before. */
    @Test
    void strictLikeThePresetReader(@TempDir Path dir) throws Exception {
        String p = dir.toString() + "/";
        assertEquals(p + "dup.csv: line 1: top1 is a duplicate column (columns 3 and 4)",
                error(dir, "dup.csv", "alpha,resolution,top1,Top1\n1.0,224,70,71\n"));
        assertEquals(p + "noname.csv: line 1: column 3 has no name (known: alpha, resolution, top1, top5, label,"
                + " source)", error(dir, "noname.csv", "alpha,resolution,,top1\n1.0,224,x,70\n"));
        assertEquals(p + "extra.csv: line 2: 4 values but the header has 3 columns (alpha,resolution,top1)",
                error(dir, "extra.csv", "alpha,resolution,top1\n1.0,224,70,garbage\n"));
        assertEquals(p + "short.csv: line 3: 2 values but the header has 3 columns (alpha,resolution,top1)",
                error(dir, "short.csv", "alpha,resolution,top1\n1.0,224,70\n0.5,160\n"));
        assertEquals(p + "hex.csv: line 2: top1 = 0x1p6: must be a number in [0, 100]",
                error(dir, "hex.csv", "alpha,resolution,top1\n1.0,224,0x1p6\n"));
        assertEquals(p + "suffix.csv: line 2: alpha = 1.0f: must be a number",
                error(dir, "suffix.csv", "alpha,resolution,top1\n1.0f,224,70\n"));
        assertEquals(p + "nan.csv: line 2: top1 = NaN: must be a number in [0, 100]",
                error(dir, "nan.csv", "alpha,resolution,top1\n1.0,224,NaN\n"));
        assertEquals(p + "conflict.csv: line 3: top1 = 71: conflicts with line 2 (top1 = 70) for 1.0-224 in source"
                + " user:conflict.csv", error(dir, "conflict.csv", "alpha,resolution,top1\n1.0,224,70\n1.0,224,71\n"));
        assertEquals(p + "dupkey.json: line 1: malformed JSON: Duplicate field 'top1'",
                error(dir, "dupkey.json", "[{\"alpha\": 1, \"resolution\": 224, \"top1\": 70, \"top1\": 71}]"));
        assertEquals(p + "trailing.json: line 1: trailing content after the JSON value",
                error(dir, "trailing.json", "[{\"alpha\": 1, \"resolution\": 224, \"top1\": 70}] [1]"));
        assertEquals(p + "after.json: line 2: bogus is not a known field (known: points, name, description)",
                error(dir, "after.json", "{\"points\": [{\"alpha\": 1, \"resolution\": 224, \"top1\": 70}],\n"
                        + " \"bogus\": 1}"));
        assertEquals(p + "str.json: line 1: top1 = \"70\": must be a number",
                error(dir, "str.json", "[{\"alpha\": 1, \"resolution\": 224, \"top1\": \"70\"}]"));
        assertEquals(p + "obj.json: line 1: alpha = {}: must be a number",
                error(dir, "obj.json", "[{\"alpha\": {}, \"resolution\": 224, \"top1\": 70}]"));
        assertEquals(p + "big.csv: line 2: resolution = 1e400: must be a number",
                error(dir, "big.csv", "alpha,resolution,top1\n1.0,1e400,70\n"));
        assertEquals(p + "long.csv: line 2: label = " + "x".repeat(37) + "... (201 characters): at most 200",
                error(dir, "long.csv", "alpha,resolution,top1,label\n1.0,224,70," + "x".repeat(201) + "\n"));
        String deep = error(dir, "deep.json", "[{\"alpha\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}]");
        assertTrue(deep.startsWith(p + "deep.json: malformed JSON: Document nesting depth (33) exceeds"), deep);
    }

    @Test
    void equalDuplicateRowsMergeAndABomIsAccepted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("excel.csv");
        Files.write(f, ("\uFEFFalpha,resolution,top1\r\n1.0,224,70\r\n\r\n1.0,224,70\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        AccuracyPoint pt = AccuracyImport.load(f).get(0).points().get(0);
        assertEquals(70.0, pt.top1());
        assertEquals("excel.csv line 2; excel.csv line 4", pt.origin());
        Path j = dir.resolve("bom.json");
        Files.write(j, "\uFEFF[{\"alpha\": 1, \"resolution\": 224, \"top1\": 70}]"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(70.0, AccuracyImport.load(j).get(0).points().get(0).top1());
    }

    @Test
    void unreadableFilesSayWhy(@TempDir Path dir) throws Exception {
        assertEquals(dir + "/none.csv: not found",
                assertThrows(AccuracyImportException.class, () -> AccuracyImport.load(dir.resolve("none.csv")))
                        .getMessage());
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        assertEquals(folder + ": not a regular file (a directory)",
                assertThrows(AccuracyImportException.class, () -> AccuracyImport.load(folder)).getMessage());
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "alpha,resolution,top1,label\n1.0,224,70,caf\u00e9\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(latin1 + ": not UTF-8: byte 0xE9 at offset 42 (line 2); save the file as UTF-8",
                assertThrows(AccuracyImportException.class, () -> AccuracyImport.load(latin1)).getMessage());
        Path fifo = dir.resolve("pipe.csv");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            assertEquals(fifo + ": not a regular file (a FIFO)", // never opened: would block
                    assertThrows(AccuracyImportException.class, () -> AccuracyImport.load(fifo)).getMessage());
        }
        Path huge = dir.resolve("huge.csv");
        try (java.io.RandomAccessFile r = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            r.setLength(3_000_000_000L);
        }
        assertEquals(huge + ": too large: 3000.0 MB (the limit for accuracy files is 8.0 MB)",
                assertThrows(AccuracyImportException.class, () -> AccuracyImport.load(huge)).getMessage());
    }
}
