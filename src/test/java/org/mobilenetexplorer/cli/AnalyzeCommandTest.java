package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalyzeCommandTest {

    private static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @Test
    void jsonPrintsTheIssueTotals() throws IOException {
        Cli.Run r = run("analyze", "--alpha", "1.0", "--resolution", "224", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode totals = new ObjectMapper().readTree(r.out()).get("totals");
        assertEquals(568_740_352L, totals.get("macs").asLong());
        assertEquals(4_210_088L, totals.get("params").asLong());
        assertEquals(43_776L, totals.get("bnParams").asLong());
    }

    @Test
    void defaultIsTheTableOfOnePointZero224() {
        Cli.Run r = run("analyze");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("MobileNet v1 1.0-224"), r.out());
        assertTrue(r.out().contains("568.740352"));
        assertEquals("", r.err());
    }

    @Test
    void everyOptionReachesTheConfiguration() throws IOException {
        Cli.Run r = run("analyze", "--alpha", "0.5", "--resolution", "160", "--classes", "1001", "--rounding", "keras",
                "--blocks14", "2", "--standard-conv", "--activation", "relu", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode c = new ObjectMapper().readTree(r.out()).get("config");
        assertEquals("{\"family\":\"v1\",\"minimalistic\":false,\"alpha\":0.5,\"resolution\":160,\"rho\":0.7142857142857143,\"classes\":1001,"
                + "\"rounding\":\"keras\",\"blocks14\":2,\"standardConv\":true,\"activation\":\"relu\","
                + "\"label\":\"0.5-160 conv b14=2 keras 1001cls\"}", c.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--alpha|-0.5|analyze: --alpha -0.5: must be in (0, 4]",
        "--alpha|0|analyze: --alpha 0.0: must be in (0, 4]",
        "--alpha|5|analyze: --alpha 5.0: must be in (0, 4]",
        "--resolution|16|analyze: --resolution 16: must be an integer in 32..2048",
        "--blocks14|9|analyze: --blocks14 9: must be an integer in 0..5",
        "--rounding|floor|analyze: --rounding floor: must be slim or keras",
        "--classes|0|analyze: --classes 0: must be an integer in 1..100000",
    })
    void badValueIsOneLineNamingOptionAndValueWithExitCode2(String option, String value, String expected) {
        Cli.Run r = run("analyze", option, value);
        assertEquals(2, r.code());
        assertEquals(expected, r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void nonNumericAlphaAndUnknownFormatAreUsageErrors() {
        Cli.Run alpha = run("analyze", "--alpha", "big");
        assertEquals(2, alpha.code());
        assertTrue(alpha.err().contains("--alpha") && alpha.err().contains("big"), alpha.err());
        assertEquals(1, alpha.err().strip().lines().count(), alpha.err());
        Cli.Run format = run("analyze", "--format", "xml");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("--format") && format.err().contains("xml"), format.err());
        assertEquals(1, format.err().strip().lines().count(), format.err());
    }

    @Test
    void badPresetNamesFileFieldAndValue(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.json");
        Files.writeString(f, "{\"schemaVersion\": 1, \"name\": \"x\", \"configs\": [{\"alpha\": 1.0,"
                + " \"resolution\": 224}, {\"alpha\": 0.5, \"resolution\": 128}, {\"alpha\": -0.5, \"resolution\": 224}]}");
        Cli.Run r = run("analyze", "--preset", f.toString());
        assertEquals(2, r.code());
        assertEquals("analyze: --preset " + f + ": configs[2].alpha = -0.5: must be in (0, 4]", r.err().strip());
        assertFalse(r.err().contains("Exception"), "no stack trace");
    }

    @Test
    void malformedAndMissingPresets(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"schemaVersion\": 1,\n \"name\": \"x\" \"configs\": []}");
        Cli.Run r = run("analyze", "--preset", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("analyze: --preset " + f + ": malformed JSON at line 2, column "), r.err());
        Cli.Run missing = run("analyze", "--preset", dir.resolve("none.json").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().strip().endsWith("none.json: no such file"), missing.err());
    }

    @Test
    void presetPrintsOneRowPerConfiguration() {
        Cli.Run r = run("analyze", "--preset", "presets/slim-grid-16.json");
        assertEquals(0, r.code(), r.err());
        long rows = r.out().lines().filter(l -> l.contains("MobileNet_v1_")).count();
        assertEquals(16, rows);
        Cli.Run bundled = run("analyze", "--preset", "paper-table6-width", "--format", "csv");
        assertEquals(0, bundled.code(), bundled.err());
        assertEquals(5, bundled.out().lines().count());
        Cli.Run both = run("analyze", "--preset", "slim-grid-16", "--alpha", "0.5");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("cannot be combined"), both.err());
    }
}
