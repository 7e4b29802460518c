package org.mobilenetexplorer.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.MobileNetConfig;

class PresetLoaderTest {

    private static String doc(String configs) {
        return "{\"schemaVersion\": 1, \"name\": \"x\", \"description\": \"d\", \"source\": \"s\", \"configs\": ["
                + configs + "]}";
    }

    private static String message(String json) {
        PresetException e = assertThrows(PresetException.class, () -> PresetLoader.parse(json, "presets/x.json"));
        return e.getMessage();
    }

    @Test
    void minimalConfigGetsTheDefaults() throws PresetException {
        Preset p = PresetLoader.parse(doc("{\"alpha\": 0.75, \"resolution\": 192}"), "presets/x.json");
        assertEquals(new MobileNetConfig(0.75, 192), p.configs().get(0).config());
        assertEquals("0.75-192", p.configs().get(0).displayLabel());
        assertEquals("x", p.name());
    }

    @Test
    void precisionIsOptionalAndValidated() throws PresetException {
        Preset old = PresetLoader.parse(doc("{\"alpha\": 0.75, \"resolution\": 192}"), "presets/x.json");
        assertEquals(null, old.configs().get(0).precision());
        assertEquals(org.mobilenetexplorer.model.Precision.FP32, old.configs().get(0).precisionOrDefault());
        Preset p = PresetLoader.parse(doc("{\"alpha\": 0.75, \"resolution\": 192, \"precision\": \"int8\"}"),
                "presets/x.json");
        assertEquals(org.mobilenetexplorer.model.Precision.INT8, p.configs().get(0).precision());
        assertEquals("0.75-192 int8", p.configs().get(0).displayLabel());
        PresetException e = org.junit.jupiter.api.Assertions.assertThrows(PresetException.class, () -> PresetLoader.parse(
                doc("{\"alpha\": 0.75, \"resolution\": 192, \"precision\": \"int4\"}"), "presets/x.json"));
        assertEquals("presets/x.json: configs[0].precision = \"int4\": must be fp32 or int8", e.getMessage());
        // written back only when given
        assertTrue(PresetWriter.toJson(p).contains("\"precision\" : \"int8\""));
        assertTrue(!PresetWriter.toJson(old).contains("precision"));
    }

    @Test
    void everyFieldIsRead() throws PresetException {
        Preset p = PresetLoader.parse(doc("{\"alpha\": 0.5, \"resolution\": 160, \"classes\": 1001,"
                + " \"rounding\": \"keras\", \"blocks14\": 2, \"standardConv\": true, \"activation\": \"relu\","
                + " \"label\": \"mine\"}"), "presets/x.json");
        assertEquals(new MobileNetConfig(0.5, 160, 1001, ChannelRounding.KERAS, 2, true, Activation.RELU),
                p.configs().get(0).config());
        assertEquals("mine", p.configs().get(0).label());
    }

    @Test
    void badValueNamesFileIndexFieldValueAndRule() {
        String json = doc("{\"alpha\": 1.0, \"resolution\": 224}, {\"alpha\": 0.5, \"resolution\": 128},"
                + " {\"alpha\": -0.5, \"resolution\": 224}");
        assertEquals("presets/x.json: configs[2].alpha = -0.5: must be in (0, 4]", message(json));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"alpha\": 1.0, \"resolution\": 16}|presets/x.json: configs[0].resolution = 16: must be an integer in 32..2048",
        "{\"alpha\": 1.0, \"resolution\": 224.5}|presets/x.json: configs[0].resolution = 224.5: must be an integer",
        "{\"alpha\": \"big\", \"resolution\": 224}|presets/x.json: configs[0].alpha = \"big\": must be a number in (0, 4]",
        "{\"resolution\": 224}|presets/x.json: configs[0].alpha: missing (required)",
        "{\"alpha\": 1.0}|presets/x.json: configs[0].resolution: missing (required)",
        "{\"alpha\": 1.0, \"resolution\": 224, \"rounding\": \"floor\"}|presets/x.json: configs[0].rounding = \"floor\": must be slim or keras",
        "{\"alpha\": 1.0, \"resolution\": 224, \"blocks14\": 6}|presets/x.json: configs[0].blocks14 = 6: must be an integer in 0..5",
        "{\"alpha\": 1.0, \"resolution\": 224, \"classes\": 0}|presets/x.json: configs[0].classes = 0: must be an integer in 1..100000",
        "{\"alpha\": 1.0, \"resolution\": 224, \"standardConv\": \"yes\"}|presets/x.json: configs[0].standardConv = \"yes\": must be true or false",
        "{\"alpha\": 1.0, \"resolution\": 224, \"activation\": \"gelu\"}|presets/x.json: configs[0].activation = \"gelu\": must be relu or relu6",
        "{\"alpha\": 4.5, \"resolution\": 224}|presets/x.json: configs[0].alpha = 4.5: must be in (0, 4]",
    })
    void everyFieldIsValidated(String config, String expected) {
        assertEquals(expected, message(doc(config)));
    }

    /** Alpha is read by the command line's as-given rule (io.Decimals) and named as written in the file. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "4.0000000000000001|configs[0].alpha = 4.0000000000000001: more digits than a double holds (it would be read as 4.0)",
        "1e999|configs[0].alpha = 1e999: too large for a double",
        "-1E+999|configs[0].alpha = -1E+999: too large for a double",
        "1e-400|configs[0].alpha = 1e-400: too small for a double (it would be read as 0)",
        "4.50|configs[0].alpha = 4.50: must be in (0, 4]",
        "5e0|configs[0].alpha = 5e0: must be in (0, 4]",
    })
    void alphaIsTakenAsWrittenOrRefusedAsWritten(String alpha, String expected) {
        assertEquals("presets/x.json: " + expected,
                message(doc("{\"alpha\": 1.0, \"resolution\": 224}, {\"alpha\": 0.5, \"resolution\": 128}")
                        .replace("[{\"alpha\": 1.0", "[{\"alpha\": " + alpha)));
    }

    @Test
    void alphaAsWrittenIsFoundInEveryConfiguration() throws PresetException {
        // the third configuration's alpha is the bad one: the message names it, not the first
        String m = message(doc("{\"alpha\": 1.0, \"resolution\": 224}, {\"alpha\": 0.5, \"resolution\": 128},"
                + " {\"resolution\": 224, \"alpha\": 0.50000000000000001}"));
        assertEquals("presets/x.json: configs[2].alpha = 0.50000000000000001: more digits than a double holds"
                + " (it would be read as 0.5)", m);
        // trailing zeros are digits a double holds: taken
        Preset p = PresetLoader.parse(doc("{\"alpha\": 0.7500000000000000000, \"resolution\": 192},"
                + " {\"alpha\": 4, \"resolution\": 32}"), "presets/x.json");
        assertEquals(0.75, p.configs().get(0).config().alpha());
        assertEquals(4.0, p.configs().get(1).config().alpha());
    }

    @Test
    void unknownFieldsAreRejectedByName() {
        String m = message(doc("{\"alpha\": 1.0, \"resolution\": 224, \"alhpa\": 2}"));
        assertTrue(m.startsWith("presets/x.json: configs[0].alhpa: unknown field (allowed: alpha, resolution"), m);
        String top = message("{\"schemaVersion\": 1, \"name\": \"x\", \"configs\": [], \"author\": \"me\"}");
        assertTrue(top.startsWith("presets/x.json: author: unknown field"), top);
    }

    @Test
    void schemaVersionIsChecked() {
        assertEquals("presets/x.json: schemaVersion = 2: unsupported: this build reads schemaVersion 1",
                message("{\"schemaVersion\": 2, \"name\": \"x\", \"configs\": []}"));
        assertEquals("presets/x.json: schemaVersion: missing (this build reads schemaVersion 1)",
                message("{\"name\": \"x\", \"configs\": []}"));
    }

    @Test
    void emptyConfigsAndMissingNameAreRejected() {
        assertEquals("presets/x.json: configs = []: must be a non-empty array of configurations",
                message("{\"schemaVersion\": 1, \"name\": \"x\", \"configs\": []}"));
        assertEquals("presets/x.json: name: missing (required)",
                message("{\"schemaVersion\": 1, \"configs\": [{\"alpha\": 1.0, \"resolution\": 224}]}"));
    }

    @Test
    void malformedJsonReportsLineAndColumn() {
        String json = "{\n  \"schemaVersion\": 1,\n  \"name\": \"x\"\n  \"configs\": []\n}";
        String m = message(json);
        assertTrue(m.startsWith("presets/x.json: malformed JSON at line 4, column 3: "), m);
        assertTrue(!m.contains("\n"), "one line: " + m);
    }

    @Test
    void duplicateKeysAreMalformed() {
        String m = message("{\"schemaVersion\": 1, \"name\": \"x\", \"name\": \"y\", \"configs\": []}");
        assertTrue(m.contains("malformed JSON at line 1") && m.contains("name"), m);
    }

    @Test
    void loadNamesTheFileAsGiven(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, doc("{\"alpha\": 0, \"resolution\": 224}"));
        PresetException e = assertThrows(PresetException.class, () -> PresetLoader.load(f));
        assertEquals(f + ": configs[0].alpha = 0: must be in (0, 4]", e.getMessage());
        assertEquals(f.toString(), e.file());
        PresetException missing = assertThrows(PresetException.class,
                () -> PresetLoader.load(dir.resolve("none.json")));
        assertEquals(dir.resolve("none.json") + ": not found", missing.getMessage());
    }

    /** Issue 12 items 2 and 6: the same refusals, in the same words, as the accuracy and result readers. */
    @Test
    void unreadableOversizedAndNonUtf8FilesSayWhy(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.json"));
        assertEquals(folder + ": not a regular file (a directory)",
                assertThrows(PresetException.class, () -> PresetLoader.load(folder)).getMessage());
        Path fifo = dir.resolve("pipe.json");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            assertEquals(fifo + ": not a regular file (a FIFO)",
                    assertThrows(PresetException.class, () -> PresetLoader.load(fifo)).getMessage());
        }
        Path huge = dir.resolve("huge.json");
        try (java.io.RandomAccessFile r = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            r.setLength(3_000_000_000L); // sparse; read whole it was an OutOfMemoryError
        }
        assertEquals(huge + ": too large: 3000.0 MB (the limit for presets is 4.0 MB)",
                assertThrows(PresetException.class, () -> PresetLoader.load(huge)).getMessage());
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, doc("{\"alpha\": 1, \"resolution\": 224, \"label\": \"caf\u00e9\"}")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String m = assertThrows(PresetException.class, () -> PresetLoader.load(latin1)).getMessage();
        assertTrue(m.startsWith(latin1 + ": not UTF-8: byte 0xE9 at offset "), m);
        Path bom = dir.resolve("bom.json");
        Files.write(bom, ("\uFEFF" + doc("{\"alpha\": 1, \"resolution\": 224}"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(1, PresetLoader.load(bom).configs().size());
        String deep = assertThrows(PresetException.class, () -> PresetLoader.parse("[".repeat(100_000), "d.json"))
                .getMessage();
        assertTrue(deep.startsWith("d.json: malformed JSON: Document nesting depth (33)"), deep);
        String longLabel = assertThrows(PresetException.class, () -> PresetLoader.parse(doc(
                "{\"alpha\": 1, \"resolution\": 224, \"label\": \"" + "x".repeat(100_000) + "\"}"), "l.json"))
                .getMessage();
        assertEquals("l.json: configs[0].label = \"" + "x".repeat(37) + "...\" (100000 characters): at most 200",
                longLabel);
    }

    @Test
    void roundTripKeepsEveryField(@TempDir Path dir) throws IOException, PresetException {
        Preset p = Preset.of("round trip", "all knobs", "test", List.of(
                new PresetEntry(new MobileNetConfig(0.35, 97, 7, ChannelRounding.KERAS, 0, true, Activation.RELU),
                        "odd one"),
                new PresetEntry(new MobileNetConfig(1.3, 2048))));
        Path f = dir.resolve("sub/p.json");
        Files.createDirectory(f.getParent()); // the writer never creates directories (README, "Reliability")
        PresetWriter.save(p, f);
        assertEquals(p, PresetLoader.load(f));
        // saving again over the file is atomic and leaves no temporary files behind
        PresetWriter.save(p, f);
        try (var files = Files.list(f.getParent())) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void bundledPresetsRoundTrip(@TempDir Path dir) throws IOException, PresetException {
        for (Preset p : Presets.bundled()) {
            Path f = dir.resolve("p.json");
            PresetWriter.save(p, f);
            assertEquals(p, PresetLoader.load(f), p.name());
        }
    }
}
