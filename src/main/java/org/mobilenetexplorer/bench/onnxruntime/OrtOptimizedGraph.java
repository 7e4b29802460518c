package org.mobilenetexplorer.bench.onnxruntime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.mobilenetexplorer.onnx.OnnxModels;

/**
 * What ONNX Runtime actually runs: the graph after its optimisations, read back from the file
 * {@link SessionOptions#setOptimizedModelFilePath} makes it write. For an INT8 model this shows whether the QDQ
 * pattern was fused into quantized kernels ({@code QLinearConv}, {@code QGemm}, ...) or left as float operators
 * between QuantizeLinear / DequantizeLinear.
 */
public final class OrtOptimizedGraph {
    private OrtOptimizedGraph() {
    }

    /** Operator counts of the optimised graph, by op type ({@code domain:} prefix for non-default domains). */
    static Map<String, Integer> opCounts(byte[] model, OnnxRuntimeBackend.Settings settings) throws OrtException,
            IOException {
        Path dir = Files.createTempDirectory("mnx-ort-optimized");
        Path file = dir.resolve("optimized.onnx");
        try {
            try (SessionOptions o = settings.sessionOptions(null)) {
                o.setOptimizedModelFilePath(file.toString());
                // ORT warns that a graph with NCHWc layouts is machine-specific: true, and why we only count it
                o.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
                try (OrtSession s = OnnxRuntimeBackend.environment().createSession(model, o)) {
                    // the file is written while the session is created
                }
            }
            return OnnxModels.opCounts(Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** {@code Conv 1, QLinearConv 26, QGemm 1} */
    static String summary(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
