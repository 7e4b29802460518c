package org.mobilenetexplorer.bench.dl4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process set-up DL4J needs for its tuned configuration: environment variables and JVM system properties that
 * must be in place <em>before</em> the native library loads, so only a freshly started JVM can have them. The
 * benchmark engine's forked worker starts with {@link #environment()} added to its environment
 * ({@link #applyTo(ProcessBuilder)}) and {@link #jvmArguments()} on its command line. Figures behind each value:
 * docs/decisions/003-dl4j-tuning.md.
 *
 * <ul>
 *   <li>{@code OMP_WAIT_POLICY=ACTIVE} with {@code GOMP_SPINCOUNT=100000}: an OpenMP worker spins for a bounded
 *       time (about 5 ms on the 2.6 GHz machine of decision 003) after each parallel op before it sleeps, so the
 *       next op of the same forward pass finds it awake (as ONNX Runtime's spinning intra-op workers do). Sleeping
 *       at once ({@code PASSIVE}) cost every op a wake-up: 1.0-224 took 21-27 ms instead of 17-20 ms. libgomp
 *       lets an explicit {@code GOMP_SPINCOUNT} override the wait policy's default count (unbounded for
 *       {@code ACTIVE}, 0 for {@code PASSIVE}). The unfolded graph (84 layers, with many small batch-norm and
 *       activation ops) keeps {@code PASSIVE}: spinning made it slower (1.0-224: 34-38 ms against 30-31 ms).</li>
 *   <li>{@code OMP_NUM_THREADS}, {@code OPENBLAS_NUM_THREADS}, {@code SD_MAX_THREADS}: the thread count (M2.1 has no
 *       system property for it).</li>
 *   <li>{@code -Dorg.bytedeco.javacpp.platform.extension=-onednn-avx2} (only when that classifier jar is on the
 *       class path): JavaCPP loads libnd4j built with oneDNN and AVX2.</li>
 *   <li>{@code -Dorg.eclipse.deeplearning4j.helpers.disable=false}: lets DL4J create its oneDNN layer helpers (read
 *       when a network is built; {@link Dl4jBackend} also sets it around network creation, so in-process use gets
 *       the helpers too). The helper check also needs the {@code org.nd4j.nativeblas.Nd4jCpu} shim on the class
 *       path (it is in this jar).</li>
 * </ul>
 *
 * @param environment      environment variables for the worker process
 * @param systemProperties JVM system properties for the worker process
 */
public record Dl4jProcessSettings(Map<String, String> environment, Map<String, String> systemProperties) {

    public static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";
    public static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";
    /** OpenMP's bounded spin before a worker sleeps (docs/decisions/003-dl4j-tuning.md, "Waiting threads"). */
    public static final long SPIN_COUNT = 100_000L;
    /** The native variant the tuning chose (docs/decisions/003-dl4j-tuning.md). */
    public static final String TUNED_EXTENSION = "-onednn-avx2";

    public Dl4jProcessSettings {
        environment = Map.copyOf(environment);
        systemProperties = Map.copyOf(systemProperties);
    }

    /** The tuned settings for {@code threads} threads (0 = all logical cores) and the default (folded) graph. */
    public static Dl4jProcessSettings tuned(int threads) {
        return tuned(threads, Dl4jGraph.FOLDED);
    }

    /** The tuned settings for {@code threads} threads (0 = all logical cores) and {@code graph}. */
    public static Dl4jProcessSettings tuned(int threads, Dl4jGraph graph) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        Map<String, String> env = new LinkedHashMap<>();
        if (graph == Dl4jGraph.FOLDED) {
            env.put("OMP_WAIT_POLICY", "ACTIVE");
            env.put("GOMP_SPINCOUNT", Long.toString(SPIN_COUNT));
        } else {
            env.put("OMP_WAIT_POLICY", "PASSIVE");
        }
        env.put("OMP_NUM_THREADS", Integer.toString(n));
        env.put("OPENBLAS_NUM_THREADS", Integer.toString(n));
        env.put("SD_MAX_THREADS", Integer.toString(n));
        Map<String, String> props = new LinkedHashMap<>();
        if (nativeVariantAvailable(TUNED_EXTENSION)) {
            props.put(PLATFORM_EXTENSION, TUNED_EXTENSION);
        }
        props.put(HELPERS_DISABLE, "false");
        return new Dl4jProcessSettings(env, props);
    }

    /** DL4J as shipped: nothing set. */
    public static Dl4jProcessSettings asShipped() {
        return new Dl4jProcessSettings(Map.of(), Map.of());
    }

    /** {@code -Dkey=value} for every system property, for a worker JVM's command line. */
    public List<String> jvmArguments() {
        List<String> args = new ArrayList<>();
        systemProperties.forEach((k, v) -> args.add("-D" + k + "=" + v));
        return args;
    }

    /** Adds the environment variables to a worker's process builder. */
    public ProcessBuilder applyTo(ProcessBuilder pb) {
        pb.environment().putAll(environment);
        return pb;
    }

    /**
     * True when the nd4j-native jar of this platform with {@code extension} (e.g. {@code -onednn-avx2}) is on the
     * class path: JavaCPP can only load variants whose jar it finds.
     */
    public static boolean nativeVariantAvailable(String extension) {
        String platform = org.bytedeco.javacpp.Loader.getPlatform();
        String resource = "org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + extension + "/";
        return Dl4jProcessSettings.class.getClassLoader().getResource(resource) != null;
    }

    /** Which of the tuned settings this JVM actually has (for the result's environment record). */
    public static Map<String, String> ofCurrentProcess() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : tuned(0).environment().keySet()) {
            m.put(k, String.valueOf(System.getenv(k)));
        }
        m.put(PLATFORM_EXTENSION, String.valueOf(System.getProperty(PLATFORM_EXTENSION)));
        m.put(HELPERS_DISABLE, String.valueOf(System.getProperty(HELPERS_DISABLE)));
        return m;
    }
}
