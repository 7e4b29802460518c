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
}
