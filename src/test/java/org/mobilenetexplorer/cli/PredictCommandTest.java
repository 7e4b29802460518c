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
        assertEquals("DEPTHWISE 3x3/2 c%4!=0", n.get("layers").get(3).get("kernel").asText()); // 22 channels
        assertEquals("Synthetic CPU", n.get("profile").get("cpu").asText());
        assertEquals(file.toString(), n.get("profile").get("file").asText());
        assertTrue(n.get("interpolated").asBoolean());
    }

    @Test
    void fitPrintsEveryKernelKindAndTheLeaveOneOutErrors() throws Exception {
        writeProfile();
        Run r = run("predict", "--fit", "--results", dir.toString());
        assertEquals(0, r.code(), r.err());
        for (String kind : List.of("CONV 3x3/2", "DEPTHWISE 3x3/1 c%4=0", "DEPTHWISE 3x3/1 c%4!=0",
                "DEPTHWISE 3x3/2 c%4=0", "DEPTHWISE 3x3/2 c%4!=0", "POINTWISE", "AVG_POOL", "FC", "SOFTMAX",
                "network overhead")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(kind + " ")), kind + " in\n" + r.out());
        }
        assertEquals(30, r.out().lines().filter(l -> l.matches("  \\d\\.\\d+-\\d+ .*%")).count(), r.out());
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
        assertEquals("predict: 1.0-224 conv: the device profile has no measurements of CONV 3x3/1 (calibrate a grid "
                + "that contains this kernel kind)", conv.err().strip());

        assertEquals("predict: --family v2: the predictor is calibrated on v1 networks only so far (V2/V3 layer kinds are not measured)",
                run("predict", "--family", "v2", "--results", dir.toString()).err().strip());
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
        Files.writeString(file, Files.readString(file).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 7"));
        Run r = run("predict", "--results", dir.toString());
        assertEquals(2, r.code());
        assertEquals("predict: " + file + ": schemaVersion = 7: this build reads version 1 (written by a newer "
                + "MobileNet Explorer: calibrate again or update)", r.err().strip());
    }

    /** The real thing, tiny: ONNX Runtime in this JVM on three small networks (a few seconds). */
    @Test
    void calibrateSmokeWritesAProfileThatPredicts() throws Exception {
        Run c = run("calibrate", "--backend", "onnxruntime", "--alphas", "0.25", "--resolutions", "32,48,64",
                "--in-process", "--results", dir.toString());
        assertEquals(0, c.code(), c.err());
        Path file = DeviceProfiles.file(dir, "onnxruntime", Precision.FP32);
        DeviceProfile p = DeviceProfiles.read(file);
        assertEquals(3, p.networks().size());
        assertEquals(30, p.networks().get(0).layers().size());
        assertTrue(c.err().contains("[3/3] 0.25-64"), c.err());
        assertTrue(c.out().contains("Leave-one-network-out"), c.out());
        Run r = run("predict", "--alpha", "0.25", "--resolution", "40", "--results", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("inside the calibration grid"), r.out());
    }
}
