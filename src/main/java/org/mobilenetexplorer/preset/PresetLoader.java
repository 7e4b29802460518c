package org.mobilenetexplorer.preset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mobilenetexplorer.io.Decimals;
import org.mobilenetexplorer.io.JsonLimits;
import org.mobilenetexplorer.io.UserFileException;
import org.mobilenetexplorer.io.UserFiles;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.InvalidConfigException;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;

/**
 * Reads and validates preset JSON. Every problem becomes a {@link PresetException} with one line naming the
 * file and the field path, value and rule ({@code presets/x.json: configs[2].alpha = -0.5: must be in (0, 4]}),
 * the unknown field by name, or the line and column of malformed JSON. Numbers are named as written in the file, and
 * alpha is read by the command line's rule ({@link Decimals}): a decimal a double cannot hold as written
 * ({@code 4.0000000000000001}, {@code 1e999}) is refused, never rounded into range.
 *
 * <pre>{"schemaVersion": 1, "name": "...", "description": "...", "source": "...",
 *  "configs": [{"alpha": 0.75, "resolution": 192, "classes": 1000, "rounding": "slim", "blocks14": 5,
 *               "standardConv": false, "activation": "relu6", "label": "optional", "precision": "int8"}]}</pre>
 * Only {@code schemaVersion}, {@code name}, {@code configs} and each config's {@code alpha} and
 * {@code resolution} are required; the other fields default as in {@link MobileNetConfig#MobileNetConfig(double, int)}.
 */
public final class PresetLoader {

    /** Top-level fields, in the order the writer emits them. */
    static final List<String> TOP_FIELDS = List.of("schemaVersion", "name", "description", "source", "configs");
    /** Fields of one configuration, in the order the writer emits them. */
    static final List<String> CONFIG_FIELDS = List.of("alpha", "resolution", "classes", "rounding", "blocks14",
            "standardConv", "activation", "label", "family", "minimalistic", "precision");

    /** The fields only V1 configurations may carry (V2/V3 fix widths and activations as TF-Slim does). */
    static final List<String> V1_FIELDS = List.of("rounding", "blocks14", "standardConv", "activation");

    /** Largest preset file read (4 MB: tens of thousands of configurations). */
    public static final long MAX_BYTES = 4_000_000;
    /** Longest name or label, in characters (they appear in menus, tables and charts). */
    public static final int MAX_LABEL = 200;
    /** Longest description or source, in characters. */
    public static final int MAX_TEXT = 10_000;

    private static final ObjectMapper MAPPER = JsonLimits.apply(new ObjectMapper())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PresetLoader() {
    }

    /** Loads the preset at {@code file}; messages name the file as given. */
    public static Preset load(Path file) throws PresetException {
        String name = file.toString();
        String text;
        try {
            text = UserFiles.readUtf8(file, MAX_BYTES, "presets");
        } catch (UserFileException e) {
            throw new PresetException(name, e.reason(), e);
        }
        return parse(text, name);
    }

    /** Parses preset JSON text; {@code file} names it in messages. */
    public static Preset parse(String json, String file) throws PresetException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new PresetException(file, "malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new PresetException(file, "empty file (expected a JSON object)");
        }
        return new Reader(file, numbersAsWritten(json)).preset(root);
    }

    /**
     * Every number of the (well-formed) document as written, by its JSON pointer ({@code /configs/0/alpha}): the
     * tree keeps only the double ({@code 1e999} becomes Infinity, {@code 4.0000000000000001} becomes 4.0).
     */
    private static Map<String, String> numbersAsWritten(String json) {
        Map<String, String> numbers = new HashMap<>();
        try (JsonParser p = MAPPER.createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isNumeric()) {
                    numbers.put(p.getParsingContext().pathAsPointer().toString(), p.getText());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the document parsed once already", e);
        }
        return numbers;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Validates one document; {@code file} prefixes every message. */
    private static final class Reader {
        private final String file;
        private final Map<String, String> numbers;

        Reader(String file, Map<String, String> numbers) {
            this.file = file;
            this.numbers = numbers;
        }

        Preset preset(JsonNode root) throws PresetException {
            if (!root.isObject()) {
                throw fail("", root, "must be a JSON object");
            }
            JsonNode version = root.get("schemaVersion");
            if (version == null) {
                throw new PresetException(file, "schemaVersion: missing (this build reads schemaVersion "
                        + Preset.SCHEMA_VERSION + ")");
            }
            if (!version.isIntegralNumber() || version.asInt() != Preset.SCHEMA_VERSION) {
                throw fail("schemaVersion", version, "unsupported: this build reads schemaVersion "
                        + Preset.SCHEMA_VERSION);
            }
            rejectUnknown(root, "", TOP_FIELDS);
            String name = capped("name", text(root, "name", "", true), MAX_LABEL);
            if (name.isBlank()) {
                throw fail("name", root.get("name"), "must not be empty");
            }
            String description = capped("description", text(root, "description", "", false), MAX_TEXT);
            String source = capped("source", text(root, "source", "", false), MAX_TEXT);
            JsonNode configs = root.get("configs");
            if (configs == null) {
                throw new PresetException(file, "configs: missing (a list of configurations)");
            }
            if (!configs.isArray() || configs.isEmpty()) {
                throw fail("configs", configs, "must be a non-empty array of configurations");
            }
            List<PresetEntry> entries = new ArrayList<>(configs.size());
            for (int i = 0; i < configs.size(); i++) {
                entries.add(entry(configs.get(i), "configs[" + i + "]", "/configs/" + i + "/"));
            }
            return new Preset(Preset.SCHEMA_VERSION, name, description, source, entries);
        }

        /** Configuration {@code path} ({@code configs[2]}), at JSON pointer {@code pointer} ({@code /configs/2/}). */
        private PresetEntry entry(JsonNode c, String path, String pointer) throws PresetException {
            if (!c.isObject()) {
                throw fail(path, c, "must be a JSON object");
            }
            rejectUnknown(c, path + ".", CONFIG_FIELDS);
            String p = path + ".";
            JsonNode alphaNode = required(c, p, "alpha");
            if (!alphaNode.isNumber()) {
                throw fail(p + "alpha", alphaNode, "must be a number in (0, 4]");
            }
            String alphaText = numbers.getOrDefault(pointer + "alpha", alphaNode.toString());
            String alphaProblem = Decimals.problem(alphaText);
            if (alphaProblem != null) {
                throw new PresetException(file, p + "alpha = " + alphaText + ": " + alphaProblem);
            }
            double alpha = Double.parseDouble(alphaText);
            int resolution = integer(c, p, "resolution", null);
            int classes = integer(c, p, "classes", 1000);
            int blocks14 = integer(c, p, "blocks14", MobileNetConfig.MAX_BLOCKS14);
            boolean standardConv = bool(c, p, "standardConv", false);
            String label = capped(p + "label", text(c, "label", null, false, p), MAX_LABEL);
            boolean minimalistic = bool(c, p, "minimalistic", false);
            try {
                Family family = Family.fromId(text(c, "family", "v1", false, p));
                if (family != Family.V1) {
                    for (String f : V1_FIELDS) {
                        if (c.has(f)) {
                            throw fail(p + f, c.get(f), "applies to family v1 only, not " + family.id());
                        }
                    }
                }
                ChannelRounding rounding = ChannelRounding.fromId(text(c, "rounding", "slim", false, p));
                Activation activation = Activation.fromId(text(c, "activation", "relu6", false, p));
                MobileNetConfig config = new MobileNetConfig(family, alpha, resolution, classes, rounding, blocks14,
                        standardConv, activation, minimalistic);
                String precision = text(c, "precision", null, false, p);
                return new PresetEntry(config, label, precision == null ? null : Precision.fromId(precision));
            } catch (InvalidConfigException e) {
                JsonNode raw = c.get(e.field());
                String value = raw == null ? e.value()
                        : raw.isNumber() ? numbers.getOrDefault(pointer + e.field(), raw.toString()) : raw.toString();
                throw new PresetException(file, p + e.field() + " = " + value + ": " + e.rule(), e);
            }
        }

        private String capped(String path, String value, int max) throws PresetException {
            if (value != null && value.length() > max) {
                throw new PresetException(file, path + " = \"" + value.substring(0, 37) + "...\" (" + value.length()
                        + " characters): at most " + max);
            }
            return value;
        }

        private void rejectUnknown(JsonNode obj, String prefix, List<String> allowed) throws PresetException {
            Set<String> known = Set.copyOf(allowed);
            for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) {
                    throw new PresetException(file, prefix + f + ": unknown field (allowed: "
                            + String.join(", ", allowed) + ")");
                }
            }
        }

        private JsonNode required(JsonNode obj, String prefix, String field) throws PresetException {
            JsonNode n = obj.get(field);
            if (n == null || n.isNull()) {
                throw new PresetException(file, prefix + field + ": missing (required)");
            }
            return n;
        }

        private int integer(JsonNode obj, String prefix, String field, Integer dflt) throws PresetException {
            JsonNode n = obj.get(field);
            if (n == null || n.isNull()) {
                if (dflt == null) {
                    throw new PresetException(file, prefix + field + ": missing (required)");
                }
                return dflt;
            }
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw fail(prefix + field, n, "must be an integer");
            }
            return n.asInt();
        }

        private boolean bool(JsonNode obj, String prefix, String field, boolean dflt) throws PresetException {
            JsonNode n = obj.get(field);
            if (n == null || n.isNull()) {
                return dflt;
            }
            if (!n.isBoolean()) {
                throw fail(prefix + field, n, "must be true or false");
            }
            return n.asBoolean();
        }

        private String text(JsonNode obj, String field, String dflt, boolean required) throws PresetException {
            return text(obj, field, dflt, required, "");
        }

        private String text(JsonNode obj, String field, String dflt, boolean required, String prefix)
                throws PresetException {
            JsonNode n = obj.get(field);
            if (n == null || n.isNull()) {
                if (required) {
                    throw new PresetException(file, prefix + field + ": missing (required)");
                }
                return dflt;
            }
            if (!n.isTextual()) {
                throw fail(prefix + field, n, "must be a string");
            }
            return n.asText();
        }

        private PresetException fail(String path, JsonNode value, String rule) {
            String shown = value.toString();
            if (shown.length() > 60) {
                shown = shown.substring(0, 57) + "...";
            }
            return new PresetException(file, (path.isEmpty() ? "" : path + " = ") + shown + ": " + rule);
        }
    }
}
