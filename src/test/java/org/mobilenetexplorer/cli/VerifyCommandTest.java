package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.List;
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
        "--family v2 --alpha 0.35 --resolution 64 --graph unfolded",
        "--family v3-large --alpha 0.35 --resolution 64 --batch 2",
        "--family v3-small --alpha 0.5 --resolution 64 --graph unfolded",
        "--family v3-small --minimalistic --alpha 0.5 --resolution 64",
    })
    void everyBackendAgreesWithTheReference(String options) {
        // in this JVM: the numbers are the same, and the suite stays fast (the worker is tested below)
        Cli.Run r = run(("verify --in-process --backends onnxruntime,dl4j " + options).split(" "));
        assertEquals(0, r.code(), r.out() + r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].startsWith("onnxruntime") && lines[0].endsWith("OK"), lines[0]);
        assertTrue(lines[1].startsWith("dl4j") && lines[1].endsWith("OK"), lines[1]);
    }

    @Test
    void eachBackendRunsInAWorkerJvm() {
        Cli.Run r = run("verify", "--backends", "onnxruntime", "--alpha", "0.25", "--resolution", "32");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("onnxruntime  0.25-32  max|dp| ") && r.out().strip().endsWith("OK"), r.out());
    }

    @Test
    void whatCannotFitIsThatBackendsErrorNotACrashOfTheCommand() {
        Cli.Run r = run("verify", "--alpha", "4.0", "--resolution", "2048", "--batch", "64");
        assertEquals(1, r.code(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("onnxruntime  4.0-2048  ERROR 4.0-2048 on onnxruntime (batch 64) with the "
                + "reference forward pass needs about "), lines.get(0));
        assertTrue(lines.get(1).startsWith("dl4j         4.0-2048  ERROR "), lines.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--batch 65|verify: --batch 65: must be in 1..64 (the plain-Java reference runs every image)",
        "--batch 0|verify: --batch 0: must be in 1..64 (the plain-Java reference runs every image)",
        "--threads 5000|verify: --threads 5000: must be in 0..1024 (0 = all cores)",
        "--threads -1|verify: --threads -1: must be in 0..1024 (0 = all cores)",
        "--tolerance Infinity|verify: Invalid value for option '--tolerance': 'Infinity': not a decimal number",
        "--tolerance 2|verify: --tolerance 2.0: must be in 0..1 (a difference of probabilities)",
        "--tolerance NaN|verify: Invalid value for option '--tolerance': 'NaN': not a decimal number",
        "--min-cosine 2|verify: --min-cosine 2.0: must be in (-1, 1]",
        "--graph both|verify: --graph both: must be folded or unfolded",
    })
    void badOptionsAreOneLineNamingOptionAndValue(String caseText) {
        String[] parts = caseText.split("\\|");
        List<String> args = new java.util.ArrayList<>(List.of("verify", "--backends", "onnxruntime"));
        args.addAll(List.of(parts[0].split(" ")));
        Cli.Run r = run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(List.of(parts[1]), r.errLines());
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
