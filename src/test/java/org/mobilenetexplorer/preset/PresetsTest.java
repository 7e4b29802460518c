package org.mobilenetexplorer.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import java.util.Map;
import java.util.TreeMap;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;

class PresetsTest {

    @Test
    void everyFileInPresetsDirectoryIsBundledAndIdentical() throws IOException, PresetException {
        Path dir = Path.of("presets");
        Set<String> onDisk;
        try (var files = Files.list(dir)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(onDisk, new TreeSet<>(Presets.BUNDLED_FILES));
        for (String f : Presets.BUNDLED_FILES) {
            assertEquals(PresetLoader.load(dir.resolve(f)), Presets.bundled(f), f);
        }
    }

    @Test
    void slimGridHoldsTheSixteenCheckpoints() {
        Preset grid = Presets.bundled("slim-grid-16.json");
        assertEquals(16, grid.configs().size());
        Set<String> seen = new TreeSet<>();
        for (PresetEntry e : grid.configs()) {
            MobileNetConfig c = e.config();
            assertTrue(List.of(1.0, 0.75, 0.5, 0.25).contains(c.alpha()), e.displayLabel());
            assertTrue(List.of(224, 192, 160, 128).contains(c.resolution()), e.displayLabel());
            assertEquals(1001, c.classes());
            seen.add(c.alpha() + "-" + c.resolution());
        }
        assertEquals(16, seen.size());
    }

    @Test
    void paperPresetsHoldTheirTables() {
        assertEquals(List.of(1.0, 0.75, 0.5, 0.25), Presets.bundled("paper-table6-width.json").configs().stream()
                .map(e -> e.config().alpha()).toList());
        assertEquals(List.of(224, 192, 160, 128), Presets.bundled("paper-table7-resolution.json").configs()
                .stream().map(e -> e.config().resolution()).toList());
        assertEquals(Presets.BUNDLED_FILES.size(), Presets.bundled().size());
    }

    @Test
    void tfSlimPresetHoldsEveryFloatCheckpointOfEveryFamily() {
        Preset all = Presets.bundled("tf-slim-mobilenets.json");
        assertEquals(44, all.configs().size());
        Map<String, Integer> perFamily = new TreeMap<>();
        Set<String> labels = new TreeSet<>();
        Set<MobileNetConfig> configs = new java.util.HashSet<>();
        for (PresetEntry e : all.configs()) {
            MobileNetConfig c = e.config();
            assertEquals(1001, c.classes(), e.displayLabel());
            String key = c.family().id() + (c.minimalistic() ? "-minimalistic" : "");
            perFamily.merge(key, 1, Integer::sum);
            assertTrue(labels.add(e.displayLabel()), "duplicate label " + e.displayLabel());
            assertTrue(configs.add(c), "duplicate configuration " + e.displayLabel());
        }
        assertEquals(Map.of("v1", 16, "v2", 22, "v3-large", 2, "v3-small", 2, "v3-large-minimalistic", 1,
                "v3-small-minimalistic", 1), perFamily);
        assertTrue(labels.containsAll(List.of("MobileNet_v1_0.25_128", "mobilenet_v2_1.4_224", "mobilenet_v2_0.35_96",
                "v3-large_224_0.75_float", "v3-small-minimalistic_224_1.0_float")));
        // the V1 part is exactly the 16-checkpoint grid
        assertEquals(Presets.bundled("slim-grid-16.json").configs(), all.configs().subList(0, 16));
    }

    @Test
    void v2GridAndV3PresetsHoldTheirFamilies() {
        Preset v2 = Presets.bundled("v2-grid.json");
        assertEquals(20, v2.configs().size());
        Set<String> grid = new TreeSet<>();
        for (PresetEntry e : v2.configs()) {
            assertEquals(Family.V2, e.config().family(), e.displayLabel());
            assertTrue(List.of(1.0, 0.75, 0.5, 0.35).contains(e.config().alpha()), e.displayLabel());
            assertTrue(List.of(224, 192, 160, 128, 96).contains(e.config().resolution()), e.displayLabel());
            grid.add(e.config().alpha() + "-" + e.config().resolution());
        }
        assertEquals(20, grid.size());
        Preset v3 = Presets.bundled("v3.json");
        assertEquals(6, v3.configs().size());
        assertEquals(2, v3.configs().stream().filter(e -> e.config().minimalistic()).count());
        assertTrue(v3.configs().stream().allMatch(e -> e.config().family().hasMinimalistic()));
    }

    @Test
    void teachingDemoShowsEveryFamily() {
        Set<Family> families = new TreeSet<>();
        boolean minimalistic = false;
        for (PresetEntry e : Presets.bundled("teaching-demo.json").configs()) {
            families.add(e.config().family());
            minimalistic |= e.config().minimalistic();
        }
        assertEquals(Set.of(Family.values()), families);
        assertTrue(minimalistic);
    }
}
