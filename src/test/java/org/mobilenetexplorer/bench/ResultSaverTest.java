package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.model.MobileNetConfig;

/** The one place results are saved as they complete (CLI and GUI). */
class ResultSaverTest {
    private final BenchmarkResult result = TestResults.sample("20261130T090000.000Z-fake-1.0-224-b1",
            MobileNetConfig.DEFAULT, 1, 2, 3);
    private final BenchmarkRequest request = new BenchmarkRequest(MobileNetConfig.DEFAULT, "fake",
            ProtocolSettings.DEFAULT);

    @Test
    void savesCompletedResultsOnlyAndListsTheFiles(@TempDir Path dir) {
        List<String> problems = new ArrayList<>();
        ResultSaver saver = new ResultSaver(new ResultStore(dir), problems::add);
        saver.configurationDone(new BenchmarkOutcome.Failed(request, "x"));
        saver.configurationDone(new BenchmarkOutcome.Cancelled(request));
        saver.configurationDone(new BenchmarkOutcome.Completed(request, result));
        assertEquals(List.of(dir.resolve(ResultStore.fileName(result))), saver.saved());
        assertEquals(List.of(result), ResultStore.loadAll(dir).results());
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void aFileThatCannotBeWrittenIsOneLineAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        List<String> problems = new ArrayList<>();
        ResultSaver saver = new ResultSaver(new ResultStore(notADirectory), problems::add);
        saver.configurationDone(new BenchmarkOutcome.Completed(request, result));
        assertEquals(List.of(), saver.saved());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("1.0-224 on fake: result not saved to " + notADirectory + ": "),
                problems.get(0));
    }
}
