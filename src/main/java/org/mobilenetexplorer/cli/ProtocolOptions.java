package org.mobilenetexplorer.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mobilenetexplorer.bench.ProtocolSettings;
import picocli.CommandLine.Option;

/** The benchmark protocol options shared by {@code bench} and {@code sweep} (a picocli {@code @Mixin}). */
public final class ProtocolOptions {
    private static final ProtocolSettings D = ProtocolSettings.DEFAULT;

    @Option(names = "--batch", paramLabel = "N", description = "Images per run, 1.." + ProtocolSettings.MAX_BATCH
            + ". Default: 1.")
    Integer batch;

    @Option(names = "--threads", paramLabel = "N", description = "Intra-op threads, 0 = all logical cores (default).")
    Integer threads;

    @Option(names = "--warmup-runs", paramLabel = "N", description = "Minimum warm-up runs after the first inference. "
            + "Default: 5.")
    Integer warmupRuns;

    @Option(names = "--warmup-time", paramLabel = "TIME", description = "Minimum warm-up time (500ms, 2s, 1.5). "
            + "Default: 0.5s.")
    String warmupTime;

    @Option(names = "--min-runs", paramLabel = "N", description = "Minimum measured runs. Default: 20.")
    Integer minRuns;

    @Option(names = "--min-time", paramLabel = "TIME", description = "Minimum measurement time. Default: 2s.")
    String minTime;

    @Option(names = "--max-time", paramLabel = "TIME",
            description = "Maximum measurement time: no run starts after it (wins over both minimums). Default: 60s.")
    String maxTime;

    @Option(names = "--profile-layers", paramLabel = "REPEATS", arity = "0..1", fallbackValue = "20",
            description = "Also time every layer over REPEATS forward passes (default 20 when given without a value).")
    Integer profileRepeats;

    @Option(names = "--seed", paramLabel = "N", description = "Weight seed. Default: 1.")
    Long weightSeed;

    @Option(names = "--input-seed", paramLabel = "N", description = "Input seed. Default: 42.")
    Long inputSeed;

    @Option(names = "--native-variant", paramLabel = "NAME",
            description = "Native library variant for the worker (dl4j: plain, or onednn-avx2, avx2, ... when "
                    + "that nd4j-native jar is on the class path). Default: the backend's tuned choice.")
    String nativeVariant;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "Backend option, repeatable (onnxruntime: optimization=all|basic|none; dl4j: graph=folded|"
                    + "unfolded, format=nhwc|nchw, helpers=onednn|builtin).")
    Map<String, String> backendOptions = new LinkedHashMap<>();

    @Option(names = "--in-process", description = "Run in this JVM instead of a forked worker (debugging; a native "
            + "crash then ends this command).")
    boolean inProcess;

    /** The settings, or a one-line error naming the option and value. */
    public ProtocolSettings toSettings() {
        try {
            return new ProtocolSettings(
                    warmupRuns != null ? warmupRuns : D.warmupRuns(),
                    warmupTime != null ? millis("--warmup-time", warmupTime) : D.warmupMinTimeMs(),
                    minRuns != null ? minRuns : D.minRuns(),
                    minTime != null ? millis("--min-time", minTime) : D.minTimeMs(),
                    maxTime != null ? millis("--max-time", maxTime) : D.maxTimeMs(),
                    batch != null ? batch : D.batch(),
                    threads != null ? threads : D.threads(),
                    inputSeed != null ? inputSeed : D.inputSeed(),
                    weightSeed != null ? weightSeed : D.weightSeed(),
                    profileRepeats != null ? profileRepeats : D.profileRepeats(),
                    backendOptions, nativeVariant != null ? nativeVariant : D.nativeVariant());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(optionOf(e.getMessage()));
        }
    }

    /** "minRuns = 0: must be >= 1" -> "--min-runs 0: must be >= 1" */
    private static String optionOf(String message) {
        int eq = message.indexOf(" = ");
        if (eq < 0) {
            return message;
        }
        String field = message.substring(0, eq);
        String option = switch (field) {
            case "warmupRuns" -> "--warmup-runs";
            case "warmupMinTimeMs" -> "--warmup-time";
            case "minRuns" -> "--min-runs";
            case "minTimeMs" -> "--min-time";
            case "maxTimeMs" -> "--max-time";
            case "batch" -> "--batch";
            case "threads" -> "--threads";
            case "profileRepeats" -> "--profile-layers";
            default -> field;
        };
        String rest = message.substring(eq + 3);
        if (option.endsWith("-time")) {
            rest = rest.replaceFirst("^(-?\\d+)", "$1 ms");
        }
        return option + " " + rest;
    }

    /** Parses {@code 500ms}, {@code 2s}, {@code 1.5} (seconds), {@code 1m} into milliseconds. */
    static long millis(String option, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        double factor = 1000;
        if (t.endsWith("ms")) {
            factor = 1;
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            factor = 60_000;
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t.strip());
            if (!Double.isFinite(v) || v < 0) {
                throw new NumberFormatException();
            }
            return Math.round(v * factor);
        } catch (NumberFormatException e) {
            throw new UserInputException(option + " " + text + ": must be a time like 500ms, 2s, 1.5 (seconds) or 1m");
        }
    }

    public boolean inProcess() {
        return inProcess;
    }
}
