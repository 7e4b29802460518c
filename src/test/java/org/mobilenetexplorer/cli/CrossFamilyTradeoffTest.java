package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossFamilyTradeoffTest {

    @Test
    void paretoFrontAcrossFamiliesMatchesTheHandComputedOne(@TempDir Path dir) throws Exception {
        // TF-Slim's published top-1 and our MACs (1000 classes):
        //   V2 0.35-96     11.9M  45.5     V3-Small min 1.0   52.3M  61.9     V3-Small 1.0   56.5M  67.5
        //   V1 0.5-160     76.5M  59.1     V3-Large 1.0      216.6M  75.2     V2 1.0-224    300.8M  71.8
        //   V1 1.0-224    568.7M  70.9
        // In MACs order, a point is on the front when it beats every cheaper one: V2 0.35-96 (first), V3-Small min
        // (61.9 > 45.5), V3-Small 1.0 (67.5 > 61.9), not V1 0.5-160 (59.1 < 67.5), V3-Large 1.0 (75.2), not V2
        // 1.0-224 (71.8 < 75.2), not V1 1.0-224 (70.9 < 75.2).
        Path preset = dir.resolve("mixed.json");
        Files.writeString(preset, """
                {"schemaVersion": 1, "name": "mixed", "configs": [
                 {"alpha": 1.0, "resolution": 224, "classes": 1001},
                 {"alpha": 0.5, "resolution": 160, "classes": 1001},
                 {"alpha": 1.0, "resolution": 224, "classes": 1001, "family": "v2"},
                 {"alpha": 0.35, "resolution": 96, "classes": 1001, "family": "v2"},
                 {"alpha": 1.0, "resolution": 224, "classes": 1001, "family": "v3-large"},
                 {"alpha": 1.0, "resolution": 224, "classes": 1001, "family": "v3-small"},
                 {"alpha": 1.0, "resolution": 224, "classes": 1001, "family": "v3-small", "minimalistic": true}]}
                """);
        Cli.Run r = Cli.run("tradeoff", "--preset", preset.toString(), "--accuracy-source", "tf-slim", "--x", "macs",
                "--y", "top1", "--format", "json", "--results", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        List<String> front = new ArrayList<>();
        for (JsonNode p : root.get("points")) {
            assertTrue(p.has("family") && p.has("minimalistic"), p.toString());
            assertFalse(p.get("estimated").asBoolean(), p.toString());
            if (p.get("pareto").asBoolean()) {
                front.add(p.get("family").asText() + (p.get("minimalistic").asBoolean() ? " min " : " ")
                        + p.get("alpha").asText() + "-" + p.get("resolution").asText());
            }
        }
        assertEquals(Set.of("v2 0.35-96", "v3-small min 1.0-224", "v3-small 1.0-224", "v3-large 1.0-224"),
                new HashSet<>(front));
        assertEquals(4, front.size());
        assertEquals(61.9, root.get("points").get(6).get("y").asDouble(), 1e-12);
    }

    @Test
    void tfSlimPresetWithTheCrossFamilySourceGivesEveryPointFamilyAndUniqueLabels(@TempDir Path dir) throws Exception {
        Cli.Run r = Cli.run("tradeoff", "--preset", "presets/tf-slim-mobilenets.json", "--accuracy-source", "tf-slim",
                "--x", "macs", "--y", "top1", "--format", "json", "--results", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode points = new ObjectMapper().readTree(r.out()).get("points");
        assertEquals(44, points.size());
        Set<String> labels = new HashSet<>();
        int minimalistic = 0;
        for (JsonNode p : points) {
            assertTrue(labels.add(p.get("label").asText()), "duplicate label " + p.get("label"));
            assertEquals("published", p.get("accuracyKind").asText(), p.toString());
            minimalistic += p.get("minimalistic").asBoolean() ? 1 : 0;
        }
        assertEquals(2, minimalistic);
        assertEquals("v3-small", points.get(43).get("family").asText());
    }
}
