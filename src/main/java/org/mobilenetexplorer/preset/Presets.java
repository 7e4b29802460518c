package org.mobilenetexplorer.preset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The presets shipped with the tool. Their source is the project's {@code presets/} directory; the build copies
 * it to the classpath under {@value #RESOURCE_DIR} so the jar has them.
 */
public final class Presets {

    /** Classpath directory of the bundled presets. */
    public static final String RESOURCE_DIR = "/org/mobilenetexplorer/presets/";

    /** The bundled preset files, in display order (a test checks this matches {@code presets/}). */
    public static final List<String> BUNDLED_FILES = List.of(
            "teaching-demo.json",
            "paper-table6-width.json",
            "paper-table7-resolution.json",
            "paper-table4-5-structure.json",
            "slim-grid-16.json",
            "tf-slim-mobilenets.json",
            "v2-grid.json",
            "v3.json");

    private Presets() {
    }

    /** Loads every bundled preset (a fresh immutable list on each call). */
    public static List<Preset> bundled() {
        List<Preset> out = new ArrayList<>(BUNDLED_FILES.size());
        for (String f : BUNDLED_FILES) {
            out.add(bundled(f));
        }
        return List.copyOf(out);
    }

    /** Loads one bundled preset by file name, e.g. {@code slim-grid-16.json}. */
    public static Preset bundled(String fileName) {
        String resource = RESOURCE_DIR + fileName;
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled preset " + fileName + " (known: "
                        + String.join(", ", BUNDLED_FILES) + ")");
            }
            return PresetLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "presets/" + fileName);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled preset " + fileName + " unreadable", e);
        } catch (PresetException e) {
            throw new IllegalStateException("bundled preset is invalid: " + e.getMessage(), e);
        }
    }
}
