package org.mobilenetexplorer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Upgrades older result files, in their JSON tree, to {@link BenchmarkResult#SCHEMA_VERSION} before they are read.
 *
 * <p>Version 1 (before issue 10) to 2: {@code protocol.forks} = 1 and {@code forks} = null (one fork); each
 * {@code unstable[]} entry gets its numbers back from the figures stored beside it, with version 1's fixed limits
 * (CV 10%, 10 runs), the sentence {@code reason} is dropped; {@code layerSummary.note} (a sentence) is dropped.
 * The words now come from {@link ResultWords}.
 */
final class ResultSchema {
    /** Versions this build reads. */
    static final int OLDEST = 1;

    /** Version 1's limits, fixed in its code. */
    private static final double V1_HIGH_CV = 0.10;
    private static final int V1_FEW_RUNS = 10;

    private ResultSchema() {
    }

    /** Upgrades {@code root} (a result of version {@code version}, OLDEST..current) in place. */
    static void upgrade(ObjectNode root, int version) {
        if (version == 1) {
            fromV1(root);
        }
    }

    private static void fromV1(ObjectNode root) {
        if (root.get("protocol") instanceof ObjectNode protocol && !protocol.has("forks")) {
            protocol.put("forks", 1);
        }
        if (!root.has("forks")) {
            root.putNull("forks");
        }
        if (root.get("layerSummary") instanceof ObjectNode summary) {
            summary.remove("note");
        }
        if (root.get("unstable") instanceof ArrayNode flags) {
            JsonNode latency = root.path("latencyMs");
            for (JsonNode f : flags) {
                if (!(f instanceof ObjectNode flag)) {
                    continue;
                }
                flag.remove("reason");
                switch (flag.path("kind").asText()) {
                    case "HIGH_CV" -> flag.put("value", latency.path("cv").asDouble()).put("limit", V1_HIGH_CV);
                    case "GC_DURING_MEASUREMENT" -> flag.put("value", root.path("gc").path("collections").asLong())
                            .put("limit", 0);
                    case "TOO_FEW_RUNS" -> flag.put("value", latency.path("n").asInt()).put("limit", V1_FEW_RUNS);
                    case "MAX_TIME_CAP" -> flag.put("value", latency.path("n").asInt())
                            .put("limit", root.path("protocol").path("maxTimeMs").asLong());
                    default -> {
                        // an unknown kind fails when the record is read, with its name
                    }
                }
            }
        }
        root.put("schemaVersion", 2);
    }
}
