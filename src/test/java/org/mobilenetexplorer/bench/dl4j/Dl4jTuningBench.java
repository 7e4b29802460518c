package org.mobilenetexplorer.bench.dl4j;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mobilenetexplorer.bench.BackendOptions;
import org.mobilenetexplorer.bench.Backends;
import org.mobilenetexplorer.bench.PreparedNetwork;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.reference.InputGenerator;

/**
 * The measurement behind docs/decisions/003-dl4j-tuning.md: NOT a unit test (no "Test" suffix, never run by
 * surefire). Forks one worker JVM per tuning variant (native classifier, env vars, system properties, backend
 * options), each of which times batch-1 inference (warm-up, then at least 15 runs and 2 s) and prints the median.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * CLASSPATH=target/classes:target/test-classes:$(cat cp.txt) java org.mobilenetexplorer.bench.dl4j.Dl4jTuningBench [tuning|table]
 * </pre>
 * The class path goes through the CLASSPATH variable: ONNX Runtime 1.29's Java binding crashes (SIGSEGV) when
 * the JVM's command line is longer than about 4 KB.
 */
public final class Dl4jTuningBench {

    record Variant(String name, String nativeExtension, Map<String, String> env, Map<String, String> props,
            String backend, Map<String, String> options) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("worker")) {
            worker(args);
            return;
        }
        String mode = args.length > 0 ? args[0] : "tuning";
        List<String> configs = System.getProperty("bench.configs") != null
                ? List.of(System.getProperty("bench.configs").split(","))
                : mode.equals("table") || mode.equals("overhead") || mode.equals("spin") ? List.of("1.0-224", "0.5-160", "0.25-128")
                : List.of("1.0-224", "0.25-128");
        Map<String, String> passive = Map.of("OMP_WAIT_POLICY", "PASSIVE");
        Map<String, String> helpersOn = Map.of(Dl4jProcessSettings.HELPERS_DISABLE, "false");
        Map<String, String> tunedEnv = Dl4jProcessSettings.tuned(0).environment();
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("ORT (reference)", "", Map.of(), Map.of(), "onnxruntime", Map.of()));
        if (mode.equals("table")) {
            Map<String, String> props = Dl4jProcessSettings.tuned(0).systemProperties();
            String ext = props.getOrDefault(Dl4jProcessSettings.PLATFORM_EXTENSION, "");
            variants.add(new Variant("DL4J folded (tuned)", ext, tunedEnv, props, "dl4j", Map.of("graph", "folded")));
            variants.add(new Variant("DL4J unfolded (tuned)", ext,
                    Dl4jProcessSettings.tuned(0, Dl4jGraph.UNFOLDED).environment(), props, "dl4j", Map.of("graph", "unfolded")));
            Map<String, String> passiveEnv = new LinkedHashMap<>(tunedEnv);
            passiveEnv.remove("GOMP_SPINCOUNT");
            passiveEnv.put("OMP_WAIT_POLICY", "PASSIVE");
            // the previous default: PASSIVE with 1 thread below 400 M MACs (1.0-224: 2 threads; 0.5-160, 0.25-128: 1)
            variants.add(new Variant("DL4J folded, PASSIVE, auto threads (before: 1.0-224)", ext, passiveEnv, props,
                    "dl4j", Map.of("graph", "folded")));
            variants.add(new Variant("DL4J folded, PASSIVE, 1 thread (before: below 400 M MACs)", ext, passiveEnv, props,
                    "dl4j", Map.of("graph", "folded", "threads", "1")));
            variants.add(new Variant("DL4J as shipped (unfolded, plain natives, no helpers)", "", Map.of(), Map.of(),
                    "dl4j", Map.of("graph", "unfolded", "helpers", "builtin")));
        } else if (mode.equals("overhead")) {
            Map<String, String> props = Dl4jProcessSettings.tuned(0).systemProperties();
            String ext = props.getOrDefault(Dl4jProcessSettings.PLATFORM_EXTENSION, "");
            variants.add(new Variant("A tuned (2 threads)", ext, tunedEnv, props, "dl4j", Map.of()));
            for (String extra : System.getProperty("bench.extra", "").split(";")) {
                if (!extra.isBlank()) {
                    Map<String, String> o = new LinkedHashMap<>();
                    for (String kv : extra.split(",")) {
                        o.put(kv.split("=", 2)[0], kv.split("=", 2)[1]);
                    }
                    variants.add(new Variant("A + " + extra, ext, tunedEnv, props, "dl4j", o));
                }
            }
        } else if (mode.equals("spin")) {
            // OpenMP wait policy: PASSIVE (sleep at once) vs a bounded spin (GOMP_SPINCOUNT), each on 1 and 2 threads
            Map<String, String> props = Dl4jProcessSettings.tuned(0).systemProperties();
            String ext = props.getOrDefault(Dl4jProcessSettings.PLATFORM_EXTENSION, "");
            Map<String, String> passiveEnv = new LinkedHashMap<>(tunedEnv);
            passiveEnv.remove("GOMP_SPINCOUNT");
            passiveEnv.put("OMP_WAIT_POLICY", "PASSIVE");
            for (String t : new String[] {"1", "2"}) {
                variants.add(new Variant("P" + t + " PASSIVE, " + t + " thread(s)", ext, passiveEnv, props, "dl4j",
                        Map.of("threads", t)));
            }
            for (String count : System.getProperty("bench.spin", "100000").split(",")) {
                Map<String, String> spinEnv = new LinkedHashMap<>(tunedEnv);
                spinEnv.remove("OMP_WAIT_POLICY");
                spinEnv.put("GOMP_SPINCOUNT", count);
                for (String t : new String[] {"1", "2"}) {
                    variants.add(new Variant("S" + t + " GOMP_SPINCOUNT=" + count + ", " + t + " thread(s)", ext, spinEnv,
                            props, "dl4j", Map.of("threads", t)));
                }
            }
        } else if (mode.equals("threads")) {
            Map<String, String> base = new LinkedHashMap<>(tunedEnv);
            Map<String, String> props = Dl4jProcessSettings.tuned(0).systemProperties();
            String ext = "-onednn-avx2";
            variants.add(new Variant("A tuned: PASSIVE, 2 threads, NHWC, workspaces", ext, base, props, "dl4j", Map.of()));
            variants.add(new Variant("B A + NCHW", ext, base, props, "dl4j", Map.of("format", "nchw")));
            variants.add(new Variant("C A + workspace none", ext, base, props, "dl4j", Map.of("workspace", "none")));
            variants.add(new Variant("D A with 1 thread", ext, Dl4jProcessSettings.tuned(1).environment(), props, "dl4j",
                    Map.of()));
            Map<String, String> spin = new LinkedHashMap<>(base);
            spin.remove("OMP_WAIT_POLICY");
            spin.put("GOMP_SPINCOUNT", "10000");
            spin.put("OPENBLAS_NUM_THREADS", "1");
            variants.add(new Variant("E short spin (GOMP_SPINCOUNT=10000), OpenBLAS 1 thread", ext, spin, props, "dl4j",
                    Map.of()));
            Map<String, String> blas1 = new LinkedHashMap<>(base);
            blas1.put("OPENBLAS_NUM_THREADS", "1");
            variants.add(new Variant("F A + OpenBLAS 1 thread", ext, blas1, props, "dl4j", Map.of()));
        } else {
            Map<String, String> shipped = Map.of("helpers", "builtin", "graph", "unfolded");
            variants.add(new Variant("1 as shipped: plain natives, no helpers, unfolded", "", Map.of(), Map.of(), "dl4j", shipped));
            variants.add(new Variant("2 + OMP_WAIT_POLICY=PASSIVE", "", passive, Map.of(), "dl4j", shipped));
            variants.add(new Variant("3 + oneDNN helpers (shim)", "", passive, helpersOn, "dl4j", Map.of("graph", "unfolded")));
            variants.add(new Variant("4 + folded graph", "", passive, helpersOn, "dl4j", Map.of()));
            variants.add(new Variant("5a natives -avx2", "-avx2", passive, helpersOn, "dl4j", Map.of()));
            variants.add(new Variant("5b natives -onednn", "-onednn", passive, helpersOn, "dl4j", Map.of()));
            variants.add(new Variant("5c natives -onednn-avx2", "-onednn-avx2", passive, helpersOn, "dl4j", Map.of()));
            variants.add(new Variant("6 -onednn-avx2, helpers off", "-onednn-avx2", passive, Map.of(), "dl4j",
                    Map.of("helpers", "builtin")));
            variants.add(new Variant("7 -onednn-avx2, spinning (no PASSIVE)", "-onednn-avx2", Map.of(), helpersOn, "dl4j", Map.of()));
            variants.add(new Variant("8 -onednn-avx2, NCHW", "-onednn-avx2", passive, helpersOn, "dl4j", Map.of("format", "nchw")));
            variants.add(new Variant("9 -onednn-avx2, workspace none", "-onednn-avx2", passive, helpersOn, "dl4j",
                    Map.of("workspace", "none")));
            variants.add(new Variant("10 -onednn-avx2, 1 thread", "-onednn-avx2", Dl4jProcessSettings.tuned(1).environment(),
                    helpersOn, "dl4j", Map.of()));
            variants.add(new Variant("11 -onednn-avx2, tuned env (2 threads)", "-onednn-avx2", tunedEnv, helpersOn, "dl4j", Map.of()));
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<Variant> once = List.copyOf(variants);
        for (int r = 1; r < rounds; r++) {
            variants.addAll(once); // interleaved rounds: A B C ... A B C, so drifting load hits every variant
        }
        String cp = System.getProperty("java.class.path");
        System.out.println("variant | " + String.join(" | ", configs) + "   (median ms, batch 1)");
        for (Variant v : variants) {
            List<String> cmd = new ArrayList<>();
            cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
            cmd.add("-Xmx2g");
            // always explicit (empty = plain natives), so Dl4jBackend's automatic choice never applies here
            Map<String, String> props = new LinkedHashMap<>(v.props());
            props.put(Dl4jProcessSettings.PLATFORM_EXTENSION, v.nativeExtension());
            props.forEach((k, val) -> cmd.add("-D" + k + "=" + val));
            cmd.add(Dl4jTuningBench.class.getName());
            cmd.add("worker");
            cmd.add(v.backend());
            cmd.add(v.options().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .reduce((x, y) -> x + "," + y).orElse("-"));
            cmd.addAll(configs);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
            pb.environment().put("CLASSPATH", withNative(cp, v.nativeExtension()));
            pb.environment().putAll(v.env());
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            List<String> medians = new ArrayList<>();
            String info = "";
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("RESULT ")) {
                        medians.add(line.substring(7));
                    } else if (line.startsWith("INFO ")) {
                        info = line.substring(5);
                    }
                }
            }
            int rc = p.waitFor();
            System.out.println(v.name() + " | " + String.join(" | ", medians) + (rc != 0 ? "  (exit " + rc + ")" : "")
                    + "   [" + info + "]");
        }
    }

    /** The class path with nd4j-native's plain classifier jar joined by the variant's jar (same directory). */
    static String withNative(String cp, String extension) {
        if (extension.isEmpty()) {
            return cp;
        }
        String plain = Arrays.stream(cp.split(File.pathSeparator))
                .filter(e -> e.matches(".*nd4j-native-1\\.0\\.0-M2\\.1-linux-x86_64\\.jar")).findFirst()
                .orElseThrow(() -> new IllegalStateException("nd4j-native linux-x86_64 jar not on the class path"));
        String variant = plain.replace("linux-x86_64.jar", "linux-x86_64" + extension + ".jar");
        if (!new File(variant).isFile()) {
            throw new IllegalStateException(variant + " missing: mvn dependency:get -Dartifact=org.nd4j:nd4j-native:1.0.0-M2.1:jar:linux-x86_64" + extension);
        }
        return cp.contains(variant) ? cp : cp + File.pathSeparator + variant;
    }

    private static void worker(String[] args) throws Exception {
        String backend = args[1];
        Map<String, String> options = new LinkedHashMap<>();
        if (!args[2].equals("-")) {
            for (String kv : args[2].split(",")) {
                String[] p = kv.split("=", 2);
                options.put(p[0], p[1]);
            }
        }
        int threads = options.containsKey("threads") ? Integer.parseInt(options.remove("threads")) : 0;
        var b = Backends.byId(backend);
        for (int i = 3; i < args.length; i++) {
            String[] c = args[i].split("-");
            ArchitectureSpec spec = ArchitectureSpec.of(new MobileNetConfig(Double.parseDouble(c[0]), Integer.parseInt(c[1])));
            float[] input = InputGenerator.generate(spec, 1, 7);
            try (PreparedNetwork n = b.prepare(spec, 42, 1, new BackendOptions(threads, options))) {
                double sink = 0;
                long warmEnd = System.nanoTime() + 1_000_000_000L;
                for (int w = 0; w < 5 || System.nanoTime() < warmEnd; w++) {
                    sink += n.run(input)[0];
                }
                List<Double> ms = new ArrayList<>();
                long start = System.nanoTime();
                while (ms.size() < 15 || (System.nanoTime() - start < 2_000_000_000L && ms.size() < 2000)) {
                    long t0 = System.nanoTime();
                    sink += n.run(input)[0];
                    ms.add((System.nanoTime() - t0) / 1e6);
                    if (System.nanoTime() - start > 8_000_000_000L && ms.size() >= 15) {
                        break;
                    }
                }
                if (Boolean.getBoolean("bench.dump")) { // every run in order: are the slow ones periodic (GC) or random?
                    System.out.println("RUNS " + ms.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList());
                }
                ms.sort(Double::compare);
                double median = ms.size() % 2 == 1 ? ms.get(ms.size() / 2)
                        : (ms.get(ms.size() / 2 - 1) + ms.get(ms.size() / 2)) / 2;
                String t = n.settings().containsKey("threads") ? ", " + n.settings().get("threads") + "t" : "";
                System.out.printf(Locale.ROOT, "RESULT %.2f (n=%d, p10 %.2f, p90 %.2f%s)%s%n", median, ms.size(),
                        ms.get(ms.size() / 10), ms.get(ms.size() * 9 / 10), t, sink == 42 ? " " : "");
                if (i == args.length - 1) {
                    Map<String, String> info = new LinkedHashMap<>(n.settings());
                    Map<String, String> rt = b.runtimeInfo();
                    for (String k : new String[] {"nativeVariant", "oneDnnBuild"}) {
                        if (rt.containsKey(k)) {
                            info.put(k, rt.get(k));
                        }
                    }
                    System.out.println("INFO " + info);
                }
            }
        }
    }
}
