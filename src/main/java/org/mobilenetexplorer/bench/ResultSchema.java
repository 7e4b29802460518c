package org.mobilenetexplorer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Version 1's method sentence, as CpuInfo wrote it. */
    private static final Pattern V1_METHOD = Pattern.compile("estimate: (\\d+) FP32 lanes \\((.+?)\\) x (\\d+) FMA "
            + "units/core \\(assumed\\) x (\\d+) threads x ([0-9.]+) GHz.*", Pattern.DOTALL);
    private static final Pattern V1_NO_CLOCK = Pattern.compile("unknown: no clock in /proc/cpuinfo \\((.+)\\)");

    /**
     * {@code {gmacPerSec, method}} -> the factors (the clock from the environment's {@code cpuMhz}: the sentence
     * rounded it); a sentence it does not recognise keeps the figure, isa UNKNOWN.
     */
    private static void peakFromV1(ObjectNode peak, int threads, double cpuMhz) {
        String method = peak.path("method").asText();
        peak.remove("method");
        Matcher m = V1_METHOD.matcher(method);
        Matcher noClock = V1_NO_CLOCK.matcher(method);
        if (m.matches()) {
            peak.put("isa", isaFromV1(m.group(2)).name()).put("lanes", Integer.parseInt(m.group(1)))
                    .put("fmaUnits", Integer.parseInt(m.group(3))).put("threads", Integer.parseInt(m.group(4)))
                    .put("ghz", cpuMhz > 0 ? cpuMhz / 1000 : Double.parseDouble(m.group(5))); // the sentence rounded it
        } else if (noClock.matches()) {
            PeakEstimate.Isa isa = isaFromV1(noClock.group(1));
            int lanes = switch (isa) {
                case AVX512F -> 16;
                case AVX512F_HALF_RATE, AVX2_FMA, AVX -> 8;
                case SSE2, NEON -> 4;
                case UNKNOWN -> 0;
            };
            peak.put("isa", isa.name()).put("lanes", lanes).put("fmaUnits", 2).put("threads", threads)
                    .put("ghz", Double.NaN);
        } else {
            peak.put("isa", PeakEstimate.Isa.UNKNOWN.name()).put("lanes", 0).put("fmaUnits", 0).put("threads", 0)
                    .put("ghz", Double.NaN);
        }
    }

    private static PeakEstimate.Isa isaFromV1(String words) {
        if (words.startsWith("AVX-512F run as")) {
            return PeakEstimate.Isa.AVX512F_HALF_RATE;
        }
        return switch (words) {
            case "AVX-512F" -> PeakEstimate.Isa.AVX512F;
            case "AVX2+FMA" -> PeakEstimate.Isa.AVX2_FMA;
            case "SSE2" -> PeakEstimate.Isa.SSE2;
            case "NEON" -> PeakEstimate.Isa.NEON;
            default -> words.startsWith("AVX,") ? PeakEstimate.Isa.AVX : PeakEstimate.Isa.UNKNOWN;
        };
    }

    private static void fromV1(ObjectNode root) {
        if (root.get("protocol") instanceof ObjectNode protocol && !protocol.has("forks")) {
            protocol.put("forks", 1);
        }
        if (!root.has("forks")) {
            root.putNull("forks");
        }
        if (root.get("fmaPeak") instanceof ObjectNode peak && peak.has("method")) {
            JsonNode env = root.path("environment");
            peakFromV1(peak, env.path(EnvironmentProbe.THREADS).asInt(0), env.path(EnvironmentProbe.CPU_MHZ).asDouble(0));
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
