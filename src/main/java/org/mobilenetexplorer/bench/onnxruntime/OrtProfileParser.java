package org.mobilenetexplorer.bench.onnxruntime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mobilenetexplorer.bench.LayerTiming;
import org.mobilenetexplorer.bench.SpecLayerNames;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerSpec;

/**
 * Reads ONNX Runtime's profiler trace (Chrome trace JSON: an array of events) into per-spec-layer timings.
 * Each {@code Session/model_run} event opens a run; the {@code Node} events named {@code <node>_kernel_time} that
 * follow belong to it. A node maps to its spec layer by name ({@link SpecLayerNames}); fused nodes keep the name
 * of the node they replaced, so they count toward that layer. Nodes the optimiser inserted without a spec name
 * (layout reorders) count toward the next mapped node of the run, their consumer.
 */
final class OrtProfileParser {
    private static final String KERNEL_SUFFIX = "_kernel_time";

    private OrtProfileParser() {
    }

    /** Parses {@code json}, dropping the first {@code skipRuns} runs (warm-up). */
    static List<LayerTiming> parse(String json, ArchitectureSpec spec, int skipRuns) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        List<JsonNode> events = new ArrayList<>();
        root.forEach(events::add);
        events.sort((a, b) -> Long.compare(a.path("ts").asLong(), b.path("ts").asLong()));
        List<long[]> runs = new ArrayList<>(); // [start, end]
        for (JsonNode e : events) {
            if ("Session".equals(e.path("cat").asText()) && "model_run".equals(e.path("name").asText())) {
                long ts = e.path("ts").asLong();
                runs.add(new long[] {ts, ts + e.path("dur").asLong()});
            }
        }
        int kept = runs.size() - skipRuns;
        if (kept < 1) {
            return List.of();
        }
        // per layer, per kept run: summed microseconds
        Map<String, long[]> byLayer = new LinkedHashMap<>();
        for (LayerSpec l : spec.layers()) {
            byLayer.put(l.name(), new long[kept]);
        }
        List<Long> pendingDur = new ArrayList<>();
        int pendingRun = -1;
        for (JsonNode e : events) {
            String name = e.path("name").asText();
            if (!"Node".equals(e.path("cat").asText()) || !name.endsWith(KERNEL_SUFFIX)) {
                continue;
            }
            long ts = e.path("ts").asLong();
            int run = runOf(runs, ts) - skipRuns;
            if (run < 0) {
                continue;
            }
            if (run != pendingRun) {
                pendingDur.clear();
                pendingRun = run;
            }
            long dur = e.path("dur").asLong();
            String node = name.substring(0, name.length() - KERNEL_SUFFIX.length());
            Optional<LayerSpec> layer = SpecLayerNames.layerOf(spec, node);
            if (layer.isEmpty()) {
                pendingDur.add(dur);
                continue;
            }
            long[] samples = byLayer.get(layer.get().name());
            samples[run] += dur;
            for (long d : pendingDur) {
                samples[run] += d;
            }
            pendingDur.clear();
        }
        List<LayerTiming> out = new ArrayList<>();
        for (var entry : byLayer.entrySet()) {
            List<Long> ns = new ArrayList<>(kept);
            for (long us : entry.getValue()) {
                ns.add(us * 1000);
            }
            out.add(new LayerTiming(entry.getKey(), ns));
        }
        return out;
    }

    private static int runOf(List<long[]> runs, long ts) {
        int found = -1;
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i)[0] <= ts) {
                found = i;
            }
        }
        return found;
    }
}
