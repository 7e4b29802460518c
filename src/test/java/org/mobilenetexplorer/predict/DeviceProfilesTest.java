package org.mobilenetexplorer.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceProfilesTest {
    private static final CalibrationGrid SMALL = CalibrationGrid.v1(List.of(0.25, 0.5), List.of(96, 128));

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryField() throws Exception {
        DeviceProfile p = SyntheticProfiles.profile(SMALL, 0.05, 3);
        Path file = DeviceProfiles.file(dir, "onnxruntime", Precision.FP32);
        assertEquals(dir.resolve("device-profiles").resolve("onnxruntime-fp32.json"), file);
        DeviceProfiles.write(p, file);
        DeviceProfile back = DeviceProfiles.read(file);
        assertEquals(p, back);
        assertEquals(DeviceProfiles.toJson(p), DeviceProfiles.toJson(back));
        try (var s = Files.list(file.getParent())) {
            assertEquals(List.of(file), s.toList(), "no temporary file left behind");
        }
    }

    private String reason(String json) throws IOException {
        Path file = dir.resolve("p.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        ProfileException e = assertThrows(ProfileException.class, () -> DeviceProfiles.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage().substring(file.toString().length() + 2);
    }

    private String valid() {
        return DeviceProfiles.toJson(SyntheticProfiles.profile(SMALL, 0, 3));
    }

    @Test
    void rejectsCorruptForeignAndFutureFilesNamingTheField() throws Exception {
        assertTrue(reason("{\"format\": ").startsWith("not valid JSON"));
        assertEquals("not a device profile: the top level is not a JSON object", reason("[1, 2]"));
        assertTrue(reason("{\"schemaVersion\": 1, \"latencyMs\": {}, \"samplesMs\": []}")
                .startsWith("format = (missing): not a MobileNet Explorer device profile"));
        assertTrue(reason(valid().replace(DeviceProfile.FORMAT, "something-else"))
                .startsWith("format = \"something-else\""));
        assertTrue(reason(valid().replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 3"))
                .startsWith("schemaVersion = 3: this build reads version 2 (written by a newer"));
        assertTrue(reason(valid().replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1"))
                .endsWith("schemaVersion = 1: this build reads version 2 (a V1-only profile of an earlier build: run "
                        + "calibrate again)"), reason(valid().replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1")));
        assertEquals("precision = int8: must be one of fp32",
                reason(valid().replace("\"precision\" : \"fp32\"", "\"precision\" : \"int8\"")));
        String missing = reason(valid().replaceFirst("\"medianMs\" : [0-9.eE-]+,", ""));
        assertTrue(missing.startsWith("networks[0].medianMs: missing"), missing);
        String negative = reason(valid().replaceFirst("(\"layer\" : \"Conv2d_0\",\\s*\"medianMs\" : )[0-9.eE-]+",
                "$1-1.0"));
        assertTrue(negative.startsWith("networks[0].layers[0]: medianMs = -1.0: must be a finite time >= 0"), negative);
        assertEquals("networks[1].layers[0].layer = Conv2d_99: not a layer of 0.25-128",
                reason(valid().replaceFirst("(\"networks\"[\\s\\S]*?\"Conv2d_0\"[\\s\\S]*?)\"Conv2d_0\"",
                        "$1\"Conv2d_99\"")));
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("none.json");
        ProfileException e = assertThrows(ProfileException.class, () -> DeviceProfiles.read(file));
        assertEquals(file + ": no such file", e.getMessage());
    }
}
