package org.mobilenetexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Result files written before issue 10 (schema version 1: sentences instead of codes, no forks) still load. The
 * files in src/test/resources/results-v1 were written by that build's {@code bench --out} on the fake backend;
 * never regenerate them.
 */
class ResultSchemaTest {

    private static Path v1(String name) throws URISyntaxException {
        return Path.of(ResultSchemaTest.class.getResource("/results-v1/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1-highcv.json", "v1-capped.json"})
    void versionOneFilesLoadAndSayWhatTheySaid(String name) throws Exception {
        Path file = v1(name);
        JsonNode old = ResultJson.mapper().readTree(file.toFile());
        assertEquals(1, old.get("schemaVersion").asInt());

        BenchmarkResult r = ResultStore.read(file);
        assertEquals(BenchmarkResult.SCHEMA_VERSION, r.schemaVersion());
        assertEquals(old.get("id").asText(), r.id());
        assertEquals(1, r.protocol().forks());
        assertNull(r.forks());
        assertEquals(old.get("samplesMs").size(), r.samplesMs().size());
        // the words now come from ResultWords, from the numbers: the same sentences as the old files stored
        assertEquals(old.get("unstable").size(), r.unstable().size());
        for (int i = 0; i < r.unstable().size(); i++) {
            assertEquals(old.get("unstable").get(i).get("reason").asText(), ResultWords.reason(r, r.unstable().get(i)));
        }
        if (r.layerSummary() != null) {
            assertEquals(old.get("layerSummary").get("note").asText(), ResultWords.note(r.layerSummary()));
        }
    }

    @Test
    void theUpgradedNumbersComeFromTheFile() throws Exception {
        BenchmarkResult r = ResultStore.read(v1("v1-capped.json"));
        assertEquals(List.of(Instability.HIGH_CV, Instability.TOO_FEW_RUNS, Instability.MAX_TIME_CAP),
                r.unstable().stream().map(UnstableFlag::kind).toList());
        assertEquals(new UnstableFlag(Instability.HIGH_CV, r.latencyMs().cv(), 0.10), r.unstable().get(0));
        assertEquals(new UnstableFlag(Instability.TOO_FEW_RUNS, 3, 10), r.unstable().get(1));
        assertEquals(new UnstableFlag(Instability.MAX_TIME_CAP, 3, 50), r.unstable().get(2));
        assertEquals(2, r.protocol().batch());
    }

    @Test
    void aLoadedVersionOneFileIsSavedAsTheCurrentVersion(@TempDir Path dir) throws Exception {
        BenchmarkResult r = ResultStore.read(v1("v1-highcv.json"));
        Path again = new ResultStore(dir).save(r);
        String json = Files.readString(again);
        assertTrue(json.contains("\"schemaVersion\" : " + BenchmarkResult.SCHEMA_VERSION), json);
        assertTrue(!json.contains("\"reason\"") && !json.contains("\"note\""), "codes and numbers only");
        assertEquals(r, ResultStore.read(again));
    }
}
