package org.mobilenetexplorer.bench.onnxruntime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mobilenetexplorer.bench.BackendException;
import org.mobilenetexplorer.bench.BackendOptions;
import org.mobilenetexplorer.bench.InferenceBackend;
import org.mobilenetexplorer.bench.Precisions;
import org.mobilenetexplorer.bench.PreparedNetwork;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.onnx.OnnxExporter;
import org.mobilenetexplorer.onnx.QdqExporter;
import org.mobilenetexplorer.reference.ActivationCalibration;
import org.mobilenetexplorer.onnx.OnnxExporter.BatchNormMode;
import org.mobilenetexplorer.reference.NetworkWeights;

/** ONNX Runtime (CPU execution provider) running the exported spec from bytes in memory. */
public final class OnnxRuntimeBackend implements InferenceBackend {
    public static final String ID = "onnxruntime";
    public static final String KEY_OPTIMIZATION = "optimization";
    public static final String KEY_GRAPH = "graph";
    /** INT8 only: {@code fp32} (default) keeps the first convolution in FP32, {@code int8} quantizes it too. */
    public static final String KEY_FIRST_CONV = "firstConv";
    private static final Set<String> KEYS = Set.of(KEY_OPTIMIZATION, KEY_GRAPH, Precisions.KEY, KEY_FIRST_CONV);

    /** Graph optimisation levels by option value. */
    public enum Optimization {
        ALL(OptLevel.ALL_OPT), EXTENDED(OptLevel.EXTENDED_OPT), BASIC(OptLevel.BASIC_OPT), NONE(OptLevel.NO_OPT);

        final OptLevel level;

        Optimization(OptLevel level) {
            this.level = level;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optimization fromId(String id) throws BackendException {
            for (Optimization o : values()) {
                if (o.id().equals(id)) {
                    return o;
                }
            }
            throw new BackendException(KEY_OPTIMIZATION + " = " + id + ": must be all, extended, basic or none");
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "ONNX Runtime " + environment().getVersion();
    }

    /** The process-wide ORT environment (default name and logging level: ORT allows one per process). */
    static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    @Override
    public PreparedNetwork prepare(ArchitectureSpec spec, long weightSeed, int batchSize, BackendOptions options)
            throws BackendException {
        if (batchSize < 1) {
            throw new BackendException("batch = " + batchSize + ": must be >= 1");
        }
        for (String key : options.extra().keySet()) {
            if (!KEYS.contains(key)) {
                throw new BackendException("option " + key + " = " + options.extra().get(key) + ": unknown for "
                        + ID + " (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        Optimization opt = Optimization.fromId(options.extra(KEY_OPTIMIZATION, "all"));
        BatchNormMode bn = switch (options.extra(KEY_GRAPH, "unfolded")) {
            case "unfolded" -> BatchNormMode.EXPLICIT;
            case "folded" -> BatchNormMode.FOLDED;
            default -> throw new BackendException(KEY_GRAPH + " = " + options.extra(KEY_GRAPH, "")
                    + ": must be folded or unfolded");
        };
        Precision precision;
        try {
            precision = Precisions.of(options.extra());
        } catch (IllegalArgumentException e) {
            throw new BackendException(e.getMessage(), e);
        }
        boolean quantizeFirstConv = switch (options.extra(KEY_FIRST_CONV, "fp32")) {
            case "fp32" -> false;
            case "int8" -> true;
            default -> throw new BackendException(KEY_FIRST_CONV + " = " + options.extra(KEY_FIRST_CONV, "")
                    + ": must be fp32 or int8");
        };
        if (quantizeFirstConv && precision != Precision.INT8) {
            throw new BackendException(KEY_FIRST_CONV + " = int8: only with precision int8");
        }
        NetworkWeights weights = NetworkWeights.generate(spec, weightSeed);
        OnnxExporter.Options exportOptions = new OnnxExporter.Options(bn, batchSize);
        byte[] model = switch (precision) {
            case FP32 -> OnnxExporter.export(weights, exportOptions);
            // the INT8 model always folds batch norm before quantizing: both source graphs give the same model
            case INT8 -> QdqExporter.export(weights, ActivationCalibration.calibrate(weights), exportOptions,
                    quantizeFirstConv);
        };
        Settings settings = new Settings(options.effectiveThreads(), opt,
                bn == BatchNormMode.FOLDED ? "folded" : "unfolded", precision, quantizeFirstConv);
        try {
            // what ORT runs of an INT8 model (fused quantized kernels or not) goes into the result's settings
            String kernels = precision == Precision.INT8
                    ? OrtOptimizedGraph.summary(OrtOptimizedGraph.opCounts(model, settings)) : null;
            OrtSession session = environment().createSession(model, settings.sessionOptions(null));
            return new OrtPreparedNetwork(spec, batchSize, model, settings, session, kernels);
        } catch (java.io.IOException e) {
            throw new BackendException("ONNX Runtime's optimised model could not be read: " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new BackendException("ONNX Runtime could not load " + spec.config().label() + ": " + e.getMessage(), e);
        }
    }

    /** The session settings, reusable for the profiling session. */
    record Settings(int intraOpThreads, Optimization optimization, String graph, Precision precision,
                    boolean quantizeFirstConv) {
        SessionOptions sessionOptions(String profilePrefix) throws OrtException {
            SessionOptions o = new SessionOptions();
            o.setIntraOpNumThreads(intraOpThreads);
            o.setInterOpNumThreads(1);
            o.setExecutionMode(ExecutionMode.SEQUENTIAL);
            o.setOptimizationLevel(optimization.level);
            if (profilePrefix != null) {
                o.enableProfiling(profilePrefix);
            }
            return o;
        }
    }

    @Override
    public Map<String, String> runtimeInfo() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("runtime", "ONNX Runtime");
        m.put("version", environment().getVersion());
        m.put("executionProvider", "CPU");
        m.put("availableProviders", OrtEnvironment.getAvailableProviders().toString());
        m.put("interOpThreads", "1");
        m.put("executionMode", "sequential");
        m.put("onnxOpset", Long.toString(OnnxExporter.OPSET));
        return m;
    }
}
