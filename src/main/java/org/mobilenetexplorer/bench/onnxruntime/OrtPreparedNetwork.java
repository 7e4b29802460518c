package org.mobilenetexplorer.bench.onnxruntime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mobilenetexplorer.bench.BackendException;
import org.mobilenetexplorer.bench.LayerTiming;
import org.mobilenetexplorer.bench.PreparedNetwork;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.reference.ActivationCalibration;
import org.mobilenetexplorer.model.Shape;
import org.mobilenetexplorer.onnx.OnnxExporter;

/**
 * An ORT session over the exported model. {@link #run} transposes the NHWC input into a reused direct NCHW buffer
 * (the ONNX model's layout; about 0.1 ms at 224) and returns the softmax.
 */
final class OrtPreparedNetwork implements PreparedNetwork {
    private final ArchitectureSpec spec;
    private final int batch;
    private final byte[] model;
    private final OnnxRuntimeBackend.Settings settings;
    private final OrtSession session;
    private final FloatBuffer nchw;
    private final long[] shape;
    private final String kernels;

    OrtPreparedNetwork(ArchitectureSpec spec, int batch, byte[] model, OnnxRuntimeBackend.Settings settings,
            OrtSession session, String kernels) {
        this.spec = spec;
        this.kernels = kernels;
        this.batch = batch;
        this.model = model;
        this.settings = settings;
        this.session = session;
        Shape in = spec.input();
        this.shape = new long[] {batch, 3, in.h(), in.w()};
        this.nchw = ByteBuffer.allocateDirect(Math.toIntExact(in.elements() * batch * Float.BYTES))
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Override
    public int batchSize() {
        return batch;
    }

    @Override
    public float[] run(float[] input) throws BackendException {
        return run(session, input);
    }

    private float[] run(OrtSession s, float[] input) throws BackendException {
        fillNchw(input);
        try (OnnxTensor t = OnnxTensor.createTensor(OnnxRuntimeBackend.environment(), nchw, shape);
                OrtSession.Result r = s.run(Map.of(OnnxExporter.INPUT, t))) {
            OnnxValue v = r.get(0);
            FloatBuffer fb = ((OnnxTensor) v).getFloatBuffer();
            float[] out = new float[fb.remaining()];
            fb.get(out);
            return out;
        } catch (OrtException e) {
            throw new BackendException("ONNX Runtime run failed: " + e.getMessage(), e);
        }
    }

    private void fillNchw(float[] input) throws BackendException {
        Shape in = spec.input();
        int hw = in.h() * in.w();
        int per = hw * 3;
        if (input.length != per * batch) {
            throw new BackendException("input has " + input.length + " values, expected " + batch + " x " + in);
        }
        nchw.clear();
        for (int b = 0; b < batch; b++) {
            int base = b * per;
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < hw; p++) {
                    nchw.put(base + c * hw + p, input[base + p * 3 + c]);
                }
            }
        }
        nchw.rewind();
    }

    @Override
    public List<LayerTiming> profileLayers(float[] input, int repeats) throws BackendException {
        if (repeats < 1) {
            throw new BackendException("repeats = " + repeats + ": must be >= 1");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mnx-ort-profile");
            String trace;
            try (OrtSession s = OnnxRuntimeBackend.environment().createSession(model,
                    settings.sessionOptions(dir.resolve("ort").toString()))) {
                run(s, input); // warm-up run, dropped by the parser
                for (int i = 0; i < repeats; i++) {
                    run(s, input);
                }
                trace = s.endProfiling();
            }
            Path file = Path.of(trace);
            if (!file.isAbsolute()) {
                file = Path.of(System.getProperty("user.dir")).resolve(trace);
            }
            String json = Files.readString(file);
            Files.deleteIfExists(file);
            return OrtProfileParser.parse(json, spec, 1);
        } catch (OrtException | IOException e) {
            throw new BackendException("ONNX Runtime profiling failed: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // best effort: a temp directory left behind is harmless
                }
            }
        }
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("intraOpThreads", Integer.toString(settings.intraOpThreads()));
        m.put("interOpThreads", "1");
        m.put("optimization", settings.optimization().id());
        m.put("graph", settings.graph());
        m.put("precision", settings.precision().id());
        if (settings.precision() == Precision.INT8) {
            m.put("quantization", "QDQ: int8 per-channel symmetric weights, int32 biases, uint8 activations ("
                    + ActivationCalibration.METHOD + " over " + ActivationCalibration.imagesFor(spec)
                    + " reference images); batch norm folded; first convolution "
                    + (settings.quantizeFirstConv() ? "int8" : "fp32"));
        }
        if (kernels != null) {
            m.put("ortKernels", kernels);
        }
        m.put("modelBytes", Integer.toString(model.length));
        return m;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX Runtime session failed: " + e.getMessage(), e);
        }
    }
}
