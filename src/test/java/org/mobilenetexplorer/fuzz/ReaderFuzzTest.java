package org.mobilenetexplorer.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.List;
import org.mobilenetexplorer.accuracy.AccuracyImport;
import org.mobilenetexplorer.accuracy.AccuracyImportException;
import org.mobilenetexplorer.accuracy.AccuracySource;
import org.mobilenetexplorer.bench.ResultFileException;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.io.UserFileException;
import org.mobilenetexplorer.io.UserFiles;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetException;
import org.mobilenetexplorer.preset.PresetLoader;
import org.mobilenetexplorer.preset.PresetWriter;

/**
 * Fuzz targets for every reader of user files (Jazzer). Under {@code mvn test} each runs only its regression inputs
 * ({@code src/test/resources/org/mobilenetexplorer/fuzz/ReaderFuzzTestInputs/<method>/}: seeds and every past
 * finding) in well under a second. To fuzz for real, one target at a time (README, "Reliability"):
 * {@code JAZZER_FUZZ=1 mvn -B -o test -Dtest='ReaderFuzzTest#presetReader'}. A target fails on any exception but
 * the reader's own, and on an accepted preset that does not survive a write and a second read.
 */
class ReaderFuzzTest {
    private static final Path FILE = Path.of("fuzz-input");

    private static String text(byte[] data) throws UserFileException {
        return UserFiles.decodeUtf8(data, FILE);
    }

    @FuzzTest(maxDuration = "5m")
    void presetReader(byte[] data) {
        Preset p;
        try {
            p = PresetLoader.parse(text(data), "fuzz.json");
        } catch (UserFileException | PresetException e) {
            return;
        }
        try {
            assertEquals(p, PresetLoader.parse(PresetWriter.toJson(p), "again.json"));
        } catch (PresetException e) {
            throw new AssertionError("an accepted preset did not read back: " + e.getMessage(), e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void accuracyCsv(byte[] data) {
        try {
            List<AccuracySource> s = AccuracyImport.parseCsv(text(data), "fuzz.csv");
            if (s.isEmpty()) {
                throw new AssertionError("accepted without a source");
            }
        } catch (UserFileException | AccuracyImportException e) {
            // refused with our own message: fine
        }
    }

    @FuzzTest(maxDuration = "5m")
    void accuracyJson(byte[] data) {
        try {
            List<AccuracySource> s = AccuracyImport.parseJson(text(data), "fuzz.json");
            if (s.isEmpty()) {
                throw new AssertionError("accepted without a source");
            }
        } catch (UserFileException | AccuracyImportException e) {
            // refused with our own message: fine
        }
    }

    @FuzzTest(maxDuration = "5m")
    void resultFile(byte[] data) {
        try {
            ResultStore.parse(FILE, data);
        } catch (ResultFileException e) {
            // refused with our own message: fine
        }
    }
}
