package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.reference.InputGenerator;
import org.mobilenetexplorer.reference.NetworkWeights;
import org.mobilenetexplorer.reference.OutputComparison;
import org.mobilenetexplorer.reference.ReferenceForwardPass;

class ExportOnnxCommandTest {

    @Test
    void writtenFileRunsInAPlainOrtSessionAndMatchesTheReference(@TempDir Path dir) throws Exception {
        for (String mode : new String[] {"--folded", "--unfolded"}) {
            Path file = dir.resolve("m" + mode + ".onnx");
            Cli.Run r = Cli.run("export-onnx", "--alpha", "0.25", "--resolution", "80",
                    "--seed", "5", mode, "--out", file.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("wrote " + file + ": MobileNet v1 0.25-80"), r.out());
            try (Stream<Path> left = Files.list(dir)) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temp file left behind");
            }

            ArchitectureSpec spec = ArchitectureSpec.of(new MobileNetConfig(0.25, 80));
            float[] nhwc = InputGenerator.generate(spec, 1, 3);
            float[] nchw = new float[nhwc.length];
            int hw = 80 * 80;
            for (int p = 0; p < hw; p++) {
                for (int c = 0; c < 3; c++) {
                    nchw[c * hw + p] = nhwc[p * 3 + c];
                }
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession s = env.createSession(file.toString(), new OrtSession.SessionOptions());
                    OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(nchw), new long[] {1, 3, 80, 80});
                    OrtSession.Result res = s.run(Map.of("input", t))) {
                float[][] out = (float[][]) res.get("softmax").orElseThrow().getValue();
                double[] ref = new ReferenceForwardPass(NetworkWeights.generate(spec, 5)).run(nhwc);
                assertTrue(OutputComparison.of(ref, out[0], 1000).passes(1e-4), mode);
            }
        }
    }

    @Test
    void missingDirectoryIsAOneLineError(@TempDir Path dir) {
        Cli.Run r = Cli.run("export-onnx", "--out", dir.resolve("no/such/m.onnx").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().strip().matches("export-onnx: --out .*m\\.onnx: directory .* does not exist \\(create it"
                + " first\\)"), r.err());
        assertFalse(Files.exists(dir.resolve("no")), "no directory created");
    }

    /** Before: "--out : not a regular file (a directory)" (an empty path is the current folder to Java). */
    @Test
    void anEmptyOutIsNamedAsEmpty() {
        Cli.Run r = Cli.run("export-onnx", "--out", "");
        assertEquals(2, r.code());
        assertEquals("export-onnx: --out (empty): give a file name", r.err().strip());
    }

    @Test
    void aFifoIsRefusedNotReplaced(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("m.onnx");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo available");
        Cli.Run r = Cli.run("export-onnx", "--alpha", "0.25", "--resolution", "96",
                "--out", fifo.toString());
        assertEquals(2, r.code());
        assertEquals("export-onnx: --out " + fifo + ": not a regular file (a FIFO): refusing to replace it",
                r.err().strip());
        assertFalse(Files.isRegularFile(fifo));
    }

    @Test
    void foldedAndUnfoldedAreExclusive(@TempDir Path dir) {
        Cli.Run r = Cli.run("export-onnx", "--folded", "--unfolded", "--out",
                dir.resolve("m.onnx").toString());
        assertEquals(2, r.code());
    }

    @Test
    void anInt8CalibrationThatCannotFitIsRefusedBeforeAnyWork(@TempDir Path dir) {
        // 4.0-2048's largest layer alone is 268 M values: the double-precision calibration needs ~8.6 GB (tests: -Xmx4g)
        Cli.Run r = Cli.run("export-onnx", "--precision", "int8", "--alpha", "4", "--resolution", "2048", "--out",
                dir.resolve("q.onnx").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("export-onnx: --precision int8: calibrating 4.0-2048 runs the reference forward"
                + " pass, which needs about "), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertFalse(Files.exists(dir.resolve("q.onnx")));
    }
}
