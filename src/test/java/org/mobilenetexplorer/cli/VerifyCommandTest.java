package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The cross-check on the configurations the issue names, at small resolutions to keep the suite fast. */
class VerifyCommandTest {

    private static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--alpha 0.25 --resolution 200",                    // not a multiple of 32: asymmetric SAME padding
        "--alpha 0.25 --resolution 97",                     // odd: every stride-2 layer pads 1 before and after
        "--alpha 0.1 --resolution 64 --rounding slim",      // min_depth 8 channels
        "--alpha 0.1 --resolution 64 --rounding keras",     // 3-channel stem
        "--alpha 0.25 --resolution 96 --blocks14 0",        // shallow MobileNet
        "--alpha 0.25 --resolution 64 --standard-conv",     // full 3x3 convolutions
        "--alpha 0.25 --resolution 64 --classes 1001 --activation relu",
        "--alpha 0.5 --resolution 64 --graph unfolded --batch 2",
        "--alpha 0.5 --resolution 64 --graph folded --threads 1",
    })
    void everyBackendAgreesWithTheReference(String options) {
        Cli.Run r = run(("verify --backends onnxruntime,dl4j " + options).split(" "));
        assertEquals(0, r.code(), r.out() + r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].startsWith("onnxruntime") && lines[0].endsWith("OK"), lines[0]);
        assertTrue(lines[1].startsWith("dl4j") && lines[1].endsWith("OK"), lines[1]);
    }

    @Test
    void beyondToleranceExitsNonZero() {
        Cli.Run r = run("verify", "--backends", "onnxruntime", "--alpha", "0.25", "--resolution", "64", "--tolerance", "0");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("FAIL (tolerance 0.0)"), r.out());
    }

    @Test
    void unknownBackendIsAUsageError() {
        Cli.Run r = run("verify", "--backends", "tflite");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("verify: --backends tflite: must be one of ") && r.err().contains("onnxruntime")
                && r.err().contains("dl4j"), r.err());
    }
}
