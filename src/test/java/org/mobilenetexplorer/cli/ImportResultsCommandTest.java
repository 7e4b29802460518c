package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.tradeoff.TradeoffAnalysisTest;

class ImportResultsCommandTest {

    @Test
    void importsThenRecognisesDuplicatesAndNamesCorruptFiles(@TempDir Path root) throws Exception {
        Path other = Files.createDirectories(root.resolve("other"));
        Path ours = root.resolve("results");
        new ResultStore(other).save(TradeoffAnalysisTest.result("20261130T080000.000Z-fake-1.0-224-b1",
                new MobileNetConfig(1.0, 224), "fake", 1, 4, 5, 6));
        PredictCommandTest.Run r = PredictCommandTest.run("import-results", "--results", ours.toString(),
                other.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("imported 20261130T080000.000Z-fake-1.0-224-b1.json (result 1.0-224 fake measured"
                + " on Test CPU 2.0GHz, as 20261130T080000.000Z-fake-1.0-224-b1.json)"), r.out());
        assertTrue(r.out().contains("import-results: 1 imported, 0 duplicates skipped, 0 files skipped"), r.out());

        Files.writeString(other.resolve("broken.json"), "{");
        r = PredictCommandTest.run("import-results", "--results", ours.toString(), other.toString());
        assertEquals(1, r.code(), "a skipped file exits 1");
        assertTrue(r.out().contains("duplicate 20261130T080000.000Z-fake-1.0-224-b1.json: the same result"), r.out());
        assertTrue(r.out().contains("skipped broken.json: not valid JSON"), r.out());

        r = PredictCommandTest.run("import-results", "--results", ours.toString(), root.resolve("nope.zip").toString());
        assertEquals(2, r.code());
        assertEquals("import-results: " + root.resolve("nope.zip") + ": not found", r.err().strip());
    }
}
