package org.mobilenetexplorer.bench.onnxruntime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.onnx.OnnxExporter;
import org.mobilenetexplorer.onnx.QdqExporter;
import org.mobilenetexplorer.reference.ActivationCalibration;
import org.mobilenetexplorer.reference.InputGenerator;
import org.mobilenetexplorer.reference.NetworkWeights;

/**
 * INT8 against FP32 in ONNX Runtime, interleaved run by run in one JVM (FP32, INT8, INT8 with the first convolution
 * quantized too, FP32, ...), so a busy machine disturbs all three alike. A {@code main}, not a unit test (no timed
 * unit tests); prints median, p10 and min of each and their ratios to FP32. Used for docs/decisions/009-int8-qdq.md.
 *
 * <pre>java -Xss16m -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     org.mobilenetexplorer.bench.onnxruntime.Int8LatencyCheck 1.0 224 300 [threads]</pre>
 */
public final class Int8LatencyCheck {
    private Int8LatencyCheck() {
    }

    public static void main(String[] args) throws Exception {
        ArchitectureSpec spec = ArchitectureSpec.of(new MobileNetConfig(Double.parseDouble(args[0]),
                Integer.parseInt(args[1])));
        int reps = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        NetworkWeights w = NetworkWeights.generate(spec, 1);
        var ranges = ActivationCalibration.calibrate(w);
        OnnxExporter.Options o = new OnnxExporter.Options(OnnxExporter.BatchNormMode.FOLDED, 1);
        byte[][] models = {OnnxExporter.export(w, o), QdqExporter.toModel(w, ranges, o, false).toByteArray(),
            QdqExporter.toModel(w, ranges, o, true).toByteArray()};
        String[] names = {"fp32", "int8", "int8 all-layers"};
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession[] sessions = new OrtSession[models.length];
        for (int i = 0; i < models.length; i++) {
            SessionOptions so = new SessionOptions();
            so.setIntraOpNumThreads(threads);
            so.setInterOpNumThreads(1);
            so.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            so.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            sessions[i] = env.createSession(models[i], so);
        }
        int h = spec.input().h();
        float[] nhwc = InputGenerator.generate(spec, 1, 42);
        float[] nchw = new float[nhwc.length];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < h * h; p++) {
                nchw[c * h * h + p] = nhwc[p * 3 + c];
            }
        }
        double[][] t = new double[models.length][reps];
        for (int r = -Math.max(20, reps / 10); r < reps; r++) {
            for (int i = 0; i < models.length; i++) {
                long s = System.nanoTime();
                try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(nchw), new long[] {1, 3, h, h});
                        var out = sessions[i].run(Map.of(OnnxExporter.INPUT, in))) {
                    out.get(0);
                }
                if (r >= 0) {
                    t[i][r] = (System.nanoTime() - s) / 1e6;
                }
            }
        }
        for (double[] x : t) {
            Arrays.sort(x);
        }
        System.out.printf(Locale.ROOT, "%s, %d thread(s), %d interleaved runs each (ms; ratio to fp32)%n",
                spec.config().label(), threads, reps);
        for (int i = 0; i < models.length; i++) {
            System.out.printf(Locale.ROOT, "  %-16s median %8.3f (%.3f)   p10 %8.3f (%.3f)   min %8.3f (%.3f)%n", names[i],
                    t[i][reps / 2], t[i][reps / 2] / t[0][reps / 2], t[i][reps / 10], t[i][reps / 10] / t[0][reps / 10],
                    t[i][0], t[i][0] / t[0][0]);
        }
    }
}
