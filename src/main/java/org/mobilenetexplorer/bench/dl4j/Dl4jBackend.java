package org.mobilenetexplorer.bench.dl4j;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mobilenetexplorer.bench.BackendException;
import org.mobilenetexplorer.bench.BackendOptions;
import org.mobilenetexplorer.bench.InferenceBackend;
import org.mobilenetexplorer.bench.Precisions;
import org.mobilenetexplorer.bench.PreparedNetwork;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.reference.NetworkWeights;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * DL4J 1.0.0-M2.1 on the ND4J CPU backend. The first {@link #prepare} starts ND4J (seconds); before that, if the
 * user has not chosen a native variant, the tuned one is selected when its jar is on the class path
 * ({@link Dl4jProcessSettings#TUNED_EXTENSION}). Every prepare sets ND4J's OpenMP and master thread counts (process-wide,
 * so the last prepared network's count applies; benchmarks prepare one network at a time): {@code threads > 0} as
 * requested, {@code threads = 0} by {@link #autoThreads} (one thread below the family's
 * {@link #autoOneThreadBelowMacs(Family)}).
 */
public final class Dl4jBackend implements InferenceBackend {
    public static final String ID = "dl4j";
    public static final String KEY_GRAPH = "graph";
    public static final String KEY_FORMAT = "format";
    public static final String KEY_HELPERS = "helpers";
    public static final String KEY_WORKSPACE = "workspace";
    /** Why {@code --backend dl4j --precision int8} is refused. */
    public static final String REFUSE_INT8 = "DL4J has no INT8 CPU inference (INT8 runs on onnxruntime)";
    private static final Set<String> KEYS = Set.of(KEY_GRAPH, KEY_FORMAT, KEY_HELPERS, KEY_WORKSPACE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "DL4J 1.0.0-M2.1";
    }

    /** Starts ND4J once per JVM, choosing the tuned native variant first unless the user chose one. */
    static synchronized void startNd4j() {
        if (System.getProperty(Dl4jProcessSettings.PLATFORM_EXTENSION) == null
                && Dl4jProcessSettings.nativeVariantAvailable(Dl4jProcessSettings.TUNED_EXTENSION)) {
            System.setProperty(Dl4jProcessSettings.PLATFORM_EXTENSION, Dl4jProcessSettings.TUNED_EXTENSION);
        }
        Nd4j.getExecutioner();
        // DL4J's crash dump (written on OutOfMemoryError) calls the OSHI 3 API; the jar carries OSHI 6 (bench.SystemProbe)
        org.deeplearning4j.util.CrashReportingUtil.crashDumpsEnabled(false);
    }

    @Override
    public PreparedNetwork prepare(ArchitectureSpec spec, long weightSeed, int batchSize, BackendOptions options)
            throws BackendException {
        if (batchSize < 1) {
            throw new BackendException("batch = " + batchSize + ": must be >= 1");
        }
        if (Precisions.of(options.extra()) != Precision.FP32) {
            throw new BackendException(REFUSE_INT8);
        }
        for (String key : options.extra().keySet()) {
            if (key.equals(Precisions.KEY)) {
                continue;
            }
            if (!KEYS.contains(key)) {
                throw new BackendException("option " + key + " = " + options.extra().get(key) + ": unknown for " + ID
                        + " (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        Dl4jGraph graph = Dl4jGraph.fromId(options.extra(KEY_GRAPH, "folded"));
        CNN2DFormat format = switch (options.extra(KEY_FORMAT, "nhwc")) {
            case "nhwc" -> CNN2DFormat.NHWC;
            case "nchw" -> CNN2DFormat.NCHW;
            default -> throw new BackendException(KEY_FORMAT + " = " + options.extra(KEY_FORMAT, "")
                    + ": must be nhwc or nchw");
        };
        boolean helpers = switch (options.extra(KEY_HELPERS, "onednn")) {
            case "onednn" -> true;
            case "builtin" -> false;
            default -> throw new BackendException(KEY_HELPERS + " = " + options.extra(KEY_HELPERS, "")
                    + ": must be onednn or builtin");
        };
        WorkspaceMode workspace = switch (options.extra(KEY_WORKSPACE, "enabled")) {
            case "enabled" -> WorkspaceMode.ENABLED;
            case "none" -> WorkspaceMode.NONE;
            default -> throw new BackendException(KEY_WORKSPACE + " = " + options.extra(KEY_WORKSPACE, "")
                    + ": must be enabled or none");
        };
        try {
            startNd4j();
            int threads = options.threads() > 0 ? options.threads() : autoThreads(spec, options.effectiveThreads());
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            NetworkWeights weights = NetworkWeights.generate(spec, weightSeed);
            boolean chain = spec.config().family() == Family.V1;
            MultiLayerNetwork net = chain ? withHelpers(helpers,
                    () -> Dl4jNetworkBuilder.build(weights, graph, format, workspace)) : null;
            ComputationGraph cg = chain ? null : withHelpers(helpers,
                    () -> Dl4jGraphBuilder.build(weights, graph, format, workspace));
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("graph", graph.id());
            settings.put("format", format.name().toLowerCase(Locale.ROOT));
            settings.put("helpers", helpers ? "onednn" : "builtin");
            settings.put("workspace", workspace.name().toLowerCase(Locale.ROOT));
            settings.put("threads", Integer.toString(threads));
            settings.put("threadsRule", options.threads() > 0 ? "requested"
                    : "auto (1 below " + autoOneThreadBelowMacs(spec.config().family()) / 1_000_000
                    + " M MACs, else all cores)");
            settings.put("network", chain ? "MultiLayerNetwork" : "ComputationGraph");
            settings.put("dl4jLayers", Integer.toString(chain ? net.getnLayers() : cg.getVertices().length - 1));
            return chain ? new Dl4jPreparedNetwork(spec, batchSize, format, net, settings)
                    : new Dl4jPreparedNetwork(spec, batchSize, format, cg, settings);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new BackendException("DL4J could not build " + spec.config().label() + ": " + e, e);
        }
    }

    /** V1 networks with fewer MACs than this run on one OpenMP thread when threads = 0 (auto); see decision 003. */
    static final long AUTO_ONE_THREAD_BELOW_MACS = 250_000_000L;

    /**
     * The MACs below which a network of {@code family} runs on one OpenMP thread when threads = 0. V1's 250 M was
     * measured through the benchmark engine with the bounded spin of {@link Dl4jProcessSettings#tuned(int)}
     * (decision 003, "Waiting threads"; two interleaved sweeps per thread count): one thread was faster up to 0.5-224
     * and 0.75-160 (0.5-160: 6.2 ms against 9.4-9.7 ms), even at 0.75-192 (239 M: 11.5-11.6 against 11.6-11.8 ms),
     * and two were faster from 1.0-160 (291 M: 12.7-14.2 against 15.8 ms) up. The previous threshold (400 M) made
     * 1.0-160 slower than 1.0-192. V2 and V3 run many more, smaller layers (residual adds, squeeze-and-excite, h-swish
     * as their own DL4J vertices), so the V1 figure need not hold for them: they keep it until a quiet run of
     * {@code bench --threads 1} against {@code --threads 2} per family sets their own (the commands are in decision
     * 003); change only the number here.
     */
    static long autoOneThreadBelowMacs(Family family) {
        return switch (family) {
            case V1 -> AUTO_ONE_THREAD_BELOW_MACS;
            case V2 -> AUTO_ONE_THREAD_BELOW_MACS; // not yet measured per family
            case V3_LARGE -> AUTO_ONE_THREAD_BELOW_MACS; // not yet measured per family
            case V3_SMALL -> AUTO_ONE_THREAD_BELOW_MACS; // not yet measured per family
        };
    }

    /** The thread count for threads = 0: one thread below the family's threshold, else all cores. */
    static int autoThreads(ArchitectureSpec spec, int cores) {
        long macs = spec.layers().stream().mapToLong(org.mobilenetexplorer.model.CostModel::macs).sum();
        return macs < autoOneThreadBelowMacs(spec.config().family()) ? 1 : cores;
    }

    /**
     * Builds with DL4J's layer helpers allowed or not. DL4J reads the property when a layer is created, so it is set
     * for the build only and restored after (not thread-safe: networks are prepared one at a time).
     */
    private static <T> T withHelpers(boolean helpers, java.util.function.Supplier<T> build) {
        String key = Dl4jProcessSettings.HELPERS_DISABLE;
        String before = System.getProperty(key);
        System.setProperty(key, Boolean.toString(!helpers));
        try {
            return build.get();
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }

    @Override
    public Map<String, String> runtimeInfo() {
        startNd4j();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("runtime", "DL4J");
        m.put("version", "1.0.0-M2.1");
        Properties p = Nd4j.getExecutioner().getEnvironmentInformation();
        for (String k : new String[] {"backend", "blas.vendor", "omp.threads", "cores"}) {
            if (p.getProperty(k) != null) {
                m.put("nd4j." + k, p.getProperty(k));
            }
        }
        m.put("nativeVariant", org.bytedeco.javacpp.Loader.getPlatform()
                + System.getProperty(Dl4jProcessSettings.PLATFORM_EXTENSION, ""));
        String build = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
        m.put("oneDnnBuild", Boolean.toString(build != null && build.contains("HAVE_ONEDNN")));
        m.put("ompMaxThreads", Integer.toString(NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()));
        Dl4jProcessSettings.ofCurrentProcess().forEach((k, v) -> m.put("process." + k, v));
        return m;
    }
}
