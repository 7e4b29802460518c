package org.mobilenetexplorer.preset;

import org.mobilenetexplorer.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;

/** Writes presets as JSON that {@link PresetLoader} reads back unchanged (every field written explicitly). */
public final class PresetWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PresetWriter() {
    }

    /** The preset as pretty-printed JSON, fields in schema order, ending with a newline. */
    public static String toJson(Preset preset) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", preset.schemaVersion());
        root.put("name", preset.name());
        root.put("description", preset.description());
        root.put("source", preset.source());
        ArrayNode configs = root.putArray("configs");
        for (PresetEntry e : preset.configs()) {
            MobileNetConfig c = e.config();
            ObjectNode n = configs.addObject();
            // V1 entries as before families existed (no family field); V2/V3 name their family and omit V1's knobs
            if (c.family() != Family.V1) {
                n.put("family", c.family().id());
                if (c.minimalistic()) {
                    n.put("minimalistic", true);
                }
            }
            n.put("alpha", c.alpha());
            n.put("resolution", c.resolution());
            n.put("classes", c.classes());
            if (c.family() == Family.V1) {
                n.put("rounding", c.rounding().id());
                n.put("blocks14", c.blocks14());
                n.put("standardConv", c.standardConv());
                n.put("activation", c.activation().id());
            }
            if (e.label() != null) {
                n.put("label", e.label());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves atomically: a temporary file in the target's directory, then a move over the target. */
    public static void save(Preset preset, Path file) throws IOException {
        AtomicFiles.write(file, toJson(preset).getBytes(StandardCharsets.UTF_8));
    }
}
