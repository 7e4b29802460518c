package org.mobilenetexplorer.bench;

import org.mobilenetexplorer.io.AtomicFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.MobileNetConfig;

class ResultStoreTest {

    @TempDir
    Path dir;

    private final BenchmarkResult result = TestResults.sample("20261128T033000.000Z-fake-0.75-192",
            new MobileNetConfig(0.75, 192, 1001, ChannelRounding.KERAS, 3, false, Activation.RELU),
            1.0, 1.2, 0.9, 1.1, 1.05);

    @Test
    void roundTripKeepsEveryField() throws Exception {
        ResultStore store = new ResultStore(dir);
        Path file = store.save(result);
        assertEquals("20261128T033000.000Z-fake-0.75-192.json", file.getFileName().toString());
        BenchmarkResult back = ResultStore.read(file);
        assertEquals(result, back);
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        JsonNode n = ResultJson.mapper().readTree(ResultStore.toJson(result));
        assertEquals(2, n.get("schemaVersion").asInt());
        for (String f : List.of("min", "median", "mean", "p90", "p99", "max", "stddev", "cv", "ci95")) {
            assertTrue(n.get("latencyMs").has(f), f);
        }
        assertEquals(5, n.get("samplesMs").size());
        assertTrue(n.has("throughputPerSec"));
        assertTrue(n.has("gmacPerSec"));
        assertEquals("Test CPU", n.get("environment").get("cpuModel").asText());
        JsonNode layer = n.get("layers").get(0);
        assertEquals("Conv2d_0", layer.get("name").asText());
        assertEquals("CONV", layer.get("kind").asText());
        assertEquals(0.5, layer.get("medianMs").asDouble());
        assertEquals(10_838_016, layer.get("macs").asLong());
        JsonNode c = n.get("config");
        assertEquals("keras", c.get("rounding").asText());
        assertEquals("relu", c.get("activation").asText());
        assertEquals("0.75-192 b14=3 keras 1001cls", c.get("label").asText());
        assertEquals("HIGH_CV", n.get("unstable").get(0).get("kind").asText());
        assertTrue(!n.has("stable") && !n.has("label"), "derived accessors are not serialised");
    }

    @Test
    void ciIsNullWhenUndefined() throws Exception {
        BenchmarkResult two = TestResults.sample("x-two", MobileNetConfig.DEFAULT, 1.0, 2.0);
        Path f = dir.resolve("two.json");
        ResultStore.write(two, f);
        assertTrue(Files.readString(f).contains("\"ci95\" : null"));
        assertNull(ResultStore.read(f).latencyMs().ci95());
    }

    @Test
    void loaderSkipsCorruptedAndForeignFilesByName() throws Exception {
        ResultStore store = new ResultStore(dir);
        store.save(result);
        String good = ResultStore.toJson(result);
        Files.writeString(dir.resolve("truncated.json"), good.substring(0, good.length() / 2));
        Files.writeString(dir.resolve("preset.json"), "{\"schemaVersion\": 1, \"name\": \"x\", \"configs\": []}");
        Files.writeString(dir.resolve("array.json"), "[1, 2, 3]");
        Files.writeString(dir.resolve("future.json"), good.replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 3"));
        Files.writeString(dir.resolve("badalpha.json"), good.replace("\"alpha\" : 0.75", "\"alpha\" : -0.5"));
        Files.writeString(dir.resolve("tampered.json"), good.replace("\"median\" : 1.05", "\"median\" : 1.15"));
        Files.writeString(dir.resolve("nomedian.json"), good.replace("\"median\" : 1.05,", ""));
        Files.write(dir.resolve("binary.json"), new byte[] {0, 1, 2, (byte) 0xff});
        Files.writeString(dir.resolve("notes.txt"), "ignored: not *.json");

        ResultStore.LoadReport report = store.loadAll();
        assertEquals(1, report.results().size());
        assertEquals(result.id(), report.results().get(0).id());
        List<String> skipped = report.skipped().stream().map(ResultStore.SkippedFile::toString).sorted().toList();
        assertEquals(8, skipped.size(), skipped::toString);
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("truncated.json: not valid JSON")), skipped::toString);
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("preset.json: not a benchmark result")));
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("array.json: not a benchmark result")));
        assertTrue(skipped.stream().anyMatch(s -> s.equals("future.json: schemaVersion = 3: this build reads versions 1 to 2")),
                skipped::toString);
        assertTrue(skipped.stream().anyMatch(s -> s.equals("badalpha.json: config: alpha = -0.5: must be in (0, 4]")), skipped::toString);
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("tampered.json: latencyMs.median = 1.15 does not match")), skipped::toString);
        assertTrue(skipped.stream().anyMatch(s -> s.equals("nomedian.json: latencyMs.median: missing")), skipped::toString);
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("binary.json: not valid JSON")));
    }

    @Test
    void missingDirectoryLoadsEmpty() {
        ResultStore.LoadReport r = ResultStore.loadAll(dir.resolve("nope"));
        assertTrue(r.results().isEmpty() && r.skipped().isEmpty());
    }

    @Test
    void interruptedWriteLeavesThePreviousFileIntact() throws Exception {
        Path target = dir.resolve("r.json");
        ResultStore.write(result, target);
        String before = Files.readString(target);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("{\"schemaVersion\": 1, \"half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", e.getMessage());
        assertEquals(before, Files.readString(target));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList(), "no temporary file left behind");
        }
        assertEquals(result.id(), ResultStore.read(target).id());
    }

    @Test
    void defaultDirectoryIsUnderHomeUnlessOverridden() {
        Map<String, String> props = new HashMap<>(Map.of("user.home", "/home/someone"));
        Map<String, String> env = new HashMap<>();
        assertEquals(Path.of("/home/someone", ".mobilenet-explorer", "results"),
                ResultStore.defaultDirectory(props::get, env::get));
        env.put(ResultStore.DIRECTORY_ENV, "/from/env");
        assertEquals(Path.of("/from/env"), ResultStore.defaultDirectory(props::get, env::get));
        props.put(ResultStore.DIRECTORY_PROPERTY, dir.toString());
        assertEquals(dir, ResultStore.defaultDirectory(props::get, env::get), "the property wins over the environment");
        env.put(ResultStore.DIRECTORY_ENV, " ");
        props.put(ResultStore.DIRECTORY_PROPERTY, "");
        assertEquals(Path.of("/home/someone", ".mobilenet-explorer", "results"),
                ResultStore.defaultDirectory(props::get, env::get), "blank values are unset");
    }
}
