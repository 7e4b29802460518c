package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.predict.CalibrationGrid;
import org.mobilenetexplorer.predict.DeviceProfile;
import org.mobilenetexplorer.predict.DeviceProfiles;
import org.mobilenetexplorer.predict.Precision;
import org.mobilenetexplorer.predict.SyntheticProfiles;

class PredictCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MainCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path writeProfile() throws Exception {
        DeviceProfile p = SyntheticProfiles.profile(CalibrationGrid.DEFAULT, 0.03, 5);
        Path file = DeviceProfiles.file(dir, "onnxruntime", Precision.FP32);
        DeviceProfiles.write(p, file);
        return file;
    }

    @Test
    void tablePrintsEveryLayerAndTheRowsAddUp() throws Exception {
        writeProfile();
        Run r = run("predict", "--backend", "onnxruntime", "--family", "v1", "--alpha", "0.6", "--resolution", "176",
                "--results", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("MobileNet v1 0.6-176 on onnxruntime (fp32, batch 1): predicted "), r.out());
        assertTrue(r.out().contains("calibrated 2026-11-30T09:00:00Z on Synthetic CPU"), r.out());
        assertTrue(r.out().contains("band +-"), r.out());
        List<String> rows = r.out().lines().filter(l -> l.matches("\\s*\\d+\\s+(Conv2d|AvgPool|Logits|Softmax).*"))
                .toList();
        assertEquals(30, rows.size());
        double sum = rows.stream().mapToDouble(l -> {
            String[] t = l.trim().split("\\s+");
            return Double.parseDouble(t[t.length - 2]); // "... MACs  predicted  share%" (kernel names have spaces)
        }).sum();
        String total = r.out().lines().filter(l -> l.contains("Sum of layers")).findFirst().orElseThrow();
        assertEquals(Double.parseDouble(total.trim().split("\\s+")[3]), sum, 30 * 0.00005 + 1e-9);
    }

    @Test
    void jsonCarriesThePredictionTheLayersAndTheProfile() throws Exception {
        Path file = writeProfile();
        Run r = run("predict", "--alpha", "0.35", "--resolution", "150", "--format", "json", "--profile",
                file.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals(n.get("layerSumMs").asDouble() + n.get("overheadMs").asDouble(), n.get("predictedMs").asDouble(),
                1e-12);
        assertTrue(n.get("lowMs").asDouble() < n.get("predictedMs").asDouble());
        assertEquals(30, n.get("layers").size());
        assertEquals("DEPTHWISE 3x3/2 align 2", n.get("layers").get(3).get("kernel").asText()); // 22 channels
        assertEquals("Synthetic CPU", n.get("profile").get("cpu").asText());
        assertEquals(file.toString(), n.get("profile").get("file").asText());
        assertTrue(n.get("interpolated").asBoolean());
    }

    @Test
    void everyFamilyIsPredictedFromOneProfile() throws Exception {
        writeProfile();
        for (String family : List.of("v1", "v2", "v3-large", "v3-small")) {
            Run r = run("predict", "--family", family, "--alpha", "0.9", "--resolution", "200", "--format", "json",
                    "--results", dir.toString());
            assertEquals(0, r.code(), family + ": " + r.err());
            JsonNode n = new ObjectMapper().readTree(r.out());
            assertEquals(family, n.get("family").asText());
            assertTrue(n.get("predictedMs").asDouble() > 0, r.out());
        }
        Run min = run("predict", "--family", "v3-small", "--minimalistic", "--results", dir.toString());
        assertEquals(0, min.code(), min.err());
        assertTrue(min.out().startsWith("MobileNet v3-Small v3-small-min 1.0-224 on onnxruntime"), min.out());
        Run badFamilies = run("calibrate", "--families", "v4", "--results", dir.toString());
        assertEquals(2, badFamilies.code());
        assertEquals("calibrate: --families v4: must be v1, v2, v3-large or v3-small", badFamilies.err().strip());
    }

    /** Before: "no device profile for onnxruntime fp32 ..." (found by the probe): the options are checked first. */
    @Test
    void aBadOptionIsNamedBeforeTheProfileIsLookedFor(@org.junit.jupiter.api.io.TempDir Path empty) {
        Run r = run("predict", "--family", "v9", "--results", empty.toString());
        assertEquals(2, r.code());
        assertEquals("predict: --family v9: must be v1, v2, v3-large or v3-small", r.err().strip());
    }

    @Test
    void fitPrintsEveryKernelKindAndTheLeaveOneOutErrors() throws Exception {
        writeProfile();
        Run r = run("predict", "--fit", "--results", dir.toString());
        assertEquals(0, r.code(), r.err());
        for (String kind : List.of("CONV 3x3/2 align 1", "DEPTHWISE 3x3/1 align 16", "DEPTHWISE 3x3/1 align 1",
                "DEPTHWISE 3x3/2 align 4", "DEPTHWISE 5x5/2 align 8", "POINTWISE align 16", "POINTWISE align 2",
                "SE_CONV align 16", "AVG_POOL", "FC", "SOFTMAX", "ADD", "MULTIPLY", "network overhead")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(kind + " ")), kind + " in\n" + r.out());
        }
        assertEquals(68, r.out().lines().filter(l -> l.matches("  (v\\S+ )?\\d\\.\\d+-\\d+ .*%")).count(),
                r.out());
        assertTrue(r.out().contains("band +-"), r.out());
    }

    @Test
    void refusesWhatItCannotPredict() throws Exception {
        Run none = run("predict", "--results", dir.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("predict: no device profile for onnxruntime fp32 ("), none.err());
        assertTrue(none.err().contains("run `calibrate --backend onnxruntime` first"), none.err());

        writeProfile();
        Run conv = run("predict", "--standard-conv", "--results", dir.toString());
        assertEquals(1, conv.code());
        assertEquals("predict: 1.0-224 conv: the device profile has no measurements of CONV 3x3/1 align 16, CONV "
                + "3x3/2 align 16 (calibrate a grid that contains these kernel kinds)", conv.err().strip());

        Path v1only = dir.resolve("v1only.json");
        DeviceProfiles.write(SyntheticProfiles.profile(CalibrationGrid.v1(List.of(0.25, 0.5), List.of(96, 128)), 0,
                1), v1only);
        assertEquals("predict: --family v2: the device profile " + v1only + " has no v2 networks (v1 alpha 0.25..0.5 "
                + "x 96..128): run `calibrate --backend onnxruntime --families v2` or without --families",
                run("predict", "--family", "v2", "--profile", v1only.toString()).err().strip());
        assertEquals("predict: --precision int8: must be fp32 (the only precision the backends run today)",
                run("predict", "--precision", "int8", "--results", dir.toString()).err().strip());
        assertEquals("predict: --format csv: must be table or json",
                run("predict", "--format", "csv", "--results", dir.toString()).err().strip());
        Run wrongBackend = run("predict", "--backend", "dl4j", "--profile",
                DeviceProfiles.file(dir, "onnxruntime", Precision.FP32).toString());
        assertTrue(wrongBackend.err().endsWith("backend = onnxruntime: expected dl4j (--backend)\n")
                || wrongBackend.err().strip().endsWith("backend = onnxruntime: expected dl4j (--backend)"),
                wrongBackend.err());
    }

    @Test
    void aCorruptProfileIsOneLineNamingFileAndField() throws Exception {
        Path file = writeProfile();
        Files.writeString(file, Files.readString(file).replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 7"));
        Run r = run("predict", "--results", dir.toString());
        assertEquals(2, r.code());
        assertEquals("predict: " + file + ": schemaVersion = 7: this build reads version 2 (written by a newer "
                + "MobileNet Explorer: calibrate again or update)", r.err().strip());
    }

    /** The real thing, tiny: ONNX Runtime in this JVM on three small networks, three rounds (about 10 s). */
    @Test
    void calibrateSmokeWritesAProfileThatPredicts() throws Exception {
        Run c = run("calibrate", "--backend", "onnxruntime", "--families", "v1", "--alphas", "0.25", "--resolutions",
                "32,48,64",
                "--in-process", "--results", dir.toString());
        assertEquals(0, c.code(), c.err());
        Path file = DeviceProfiles.file(dir, "onnxruntime", Precision.FP32);
        DeviceProfile p = DeviceProfiles.read(file);
        assertEquals(3, p.networks().size());
        assertEquals(30, p.networks().get(0).layers().size());
        assertTrue(c.err().contains("[9/9] round 3: 0.25-48"), c.err()); // 3 networks x 3 rounds, rotated
        assertTrue(c.out().contains("Leave-one-network-out"), c.out());
        Run r = run("predict", "--alpha", "0.25", "--resolution", "40", "--results", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("inside the calibration grid"), r.out());
    }
}
