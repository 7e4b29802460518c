package org.mobilenetexplorer.bench.dl4j;

import java.util.List;
import java.util.Map;
import org.mobilenetexplorer.bench.MemoryEstimate;
import org.mobilenetexplorer.bench.ProtocolSettings;
import org.mobilenetexplorer.bench.WorkerProcessSettings;

/**
 * Hands {@link Dl4jProcessSettings#tuned(int)} to the benchmark engine's forked worker, plus JavaCPP's off-heap
 * limits sized from the memory estimate (JavaCPP's default limit is the -Xmx, far too small for native
 * activations). A requested native variant ({@code --native-variant onednn-avx2}, {@code avx2}, or {@code plain}
 * for none) replaces the tuned one.
 */
public final class Dl4jWorkerSettings implements WorkerProcessSettings {
    private static final long GB = 1024L * 1024L * 1024L;

    @Override
    public String backendId() {
        return Dl4jBackend.ID;
    }

    @Override
    public Map<String, String> environment(ProtocolSettings settings) {
        // an unknown graph name gets the default's environment; the backend then refuses it with its message
        Dl4jGraph graph = Dl4jGraph.parse(settings.toBackendOptions().extra(Dl4jBackend.KEY_GRAPH, ""))
                .orElse(Dl4jGraph.FOLDED);
        return Dl4jProcessSettings.tuned(settings.threads(), graph).environment();
    }

    /** Variants whose nd4j-native jar may exist for M2.1 (checked on the class path). */
    private static final List<String> KNOWN = List.of("onednn-avx2", "onednn-avx512", "onednn", "avx2", "avx512");

    @Override
    public java.util.Optional<String> refuseNativeVariant(String variant) {
        // the runnable jar and the app image carry one variant (the tuned one on Linux x86-64): plain may be absent
        String ext = variant.equals("plain") ? "" : variant.startsWith("-") ? variant : "-" + variant;
        if (Dl4jProcessSettings.nativeVariantAvailable(ext)) {
            return java.util.Optional.empty();
        }
        List<String> available = new java.util.ArrayList<>();
        if (Dl4jProcessSettings.nativeVariantAvailable("")) {
            available.add("plain");
        }
        KNOWN.stream().filter(k -> Dl4jProcessSettings.nativeVariantAvailable("-" + k)).forEach(available::add);
        return java.util.Optional.of("native variant " + variant + ": no nd4j-native jar with classifier "
                + org.bytedeco.javacpp.Loader.getPlatform() + ext + " on the class path (available: "
                + String.join(", ", available) + ")");
    }

    @Override
    public List<String> jvmOptions(ProtocolSettings settings, MemoryEstimate memory) {
        Map<String, String> props = new java.util.LinkedHashMap<>(
                Dl4jProcessSettings.tuned(settings.threads()).systemProperties());
        String v = settings.nativeVariant();
        if (!v.isEmpty()) {
            props.put(Dl4jProcessSettings.PLATFORM_EXTENSION, v.equals("plain") ? "" : v.startsWith("-") ? v : "-" + v);
        }
        long maxBytes = Math.max(2 * memory.totalBytes(), GB);
        props.put("org.bytedeco.javacpp.maxbytes", Long.toString(maxBytes));
        props.put("org.bytedeco.javacpp.maxphysicalbytes", Long.toString(maxBytes + memory.workerHeapBytes() + GB));
        return props.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    }
}
