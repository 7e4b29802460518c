package org.mobilenetexplorer.cli;

import static org.mobilenetexplorer.bench.ProtocolSettings.DEFAULT_BATCH;
import static org.mobilenetexplorer.bench.ProtocolSettings.DEFAULT_FORKS;
import static org.mobilenetexplorer.bench.ProtocolSettings.DEFAULT_INPUT_SEED;
import static org.mobilenetexplorer.bench.ProtocolSettings.DEFAULT_MAX_TIME_MS;
import static org.mobilenetexplorer.bench.ProtocolSettings.DEFAULT_MIN_RUNS;
import static org.mobilenetexplorer.bench.ProtocolSettings.DEFAULT_MIN_TIME_MS;
import static org.mobilenetexplorer.bench.ProtocolSettings.DEFAULT_THREADS;
import static org.mobilenetexplorer.bench.ProtocolSettings.DEFAULT_WARMUP_MIN_TIME_MS;
import static org.mobilenetexplorer.bench.ProtocolSettings.DEFAULT_WARMUP_RUNS;
import static org.mobilenetexplorer.bench.ProtocolSettings.DEFAULT_WEIGHT_SEED;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mobilenetexplorer.bench.InvalidSettingException;
import org.mobilenetexplorer.bench.ProtocolSettings;
import org.mobilenetexplorer.io.Decimals;
import picocli.CommandLine.Option;

/**
 * The benchmark protocol options shared by {@code bench} and {@code sweep} (a picocli {@code @Mixin}). Defaults are
 * the fields' initial values, taken from {@link ProtocolSettings}; help shows them through {@code ${DEFAULT-VALUE}}.
 */
public final class ProtocolOptions {

    @Option(names = "--batch", paramLabel = "N",
            description = "Images per run, 1.." + ProtocolSettings.MAX_BATCH + ". Default: ${DEFAULT-VALUE}.")
    int batch = DEFAULT_BATCH;

    @Option(names = "--threads", paramLabel = "N",
            description = "Intra-op threads, 0 = all logical cores, at most " + ProtocolSettings.MAX_THREADS
                    + ". Default: ${DEFAULT-VALUE}.")
    int threads = DEFAULT_THREADS;

    @Option(names = "--warmup-runs", paramLabel = "N",
            description = "Minimum warm-up runs after the first inference, at most " + ProtocolSettings.MAX_RUNS
                    + ". Default: ${DEFAULT-VALUE}.")
    int warmupRuns = DEFAULT_WARMUP_RUNS;

    @Option(names = "--warmup-time", paramLabel = "TIME",
            description = "Minimum warm-up time (500ms, 2s, 1.5 = seconds, 1m; every time at most 1 day). "
                    + "Default: ${DEFAULT-VALUE}.")
    String warmupTime = time(DEFAULT_WARMUP_MIN_TIME_MS);

    @Option(names = "--min-runs", paramLabel = "N", description = "Minimum measured runs, 1.."
            + ProtocolSettings.MAX_RUNS + " (no phase takes more runs). Default: ${DEFAULT-VALUE}.")
    int minRuns = DEFAULT_MIN_RUNS;

    @Option(names = "--min-time", paramLabel = "TIME", description = "Minimum measurement time. Default: ${DEFAULT-VALUE}.")
    String minTime = time(DEFAULT_MIN_TIME_MS);

    @Option(names = "--max-time", paramLabel = "TIME",
            description = "Maximum measurement time: no run starts after it (wins over both minimums). "
                    + "Default: ${DEFAULT-VALUE}.")
    String maxTime = time(DEFAULT_MAX_TIME_MS);

    @Option(names = "--forks", paramLabel = "N",
            description = "Fresh worker JVMs, each running the whole protocol, 1.." + ProtocolSettings.MAX_FORKS
                    + " (JMH's forks): the result pools their samples and reports the spread between forks. "
                    + "Default: ${DEFAULT-VALUE}.")
    int forks = DEFAULT_FORKS;

    @Option(names = "--profile-layers", paramLabel = "REPEATS", arity = "0..1", fallbackValue = "20",
            description = "Also time every layer over REPEATS forward passes, at most "
                    + ProtocolSettings.MAX_PROFILE_REPEATS + " (${FALLBACK-VALUE} when given without a value). "
                    + "Default: ${DEFAULT-VALUE} (no profile).")
    int profileRepeats;

    @Option(names = "--seed", paramLabel = "N", description = "Weight seed. Default: ${DEFAULT-VALUE}.")
    long weightSeed = DEFAULT_WEIGHT_SEED;

    @Option(names = "--input-seed", paramLabel = "N", description = "Input seed. Default: ${DEFAULT-VALUE}.")
    long inputSeed = DEFAULT_INPUT_SEED;

    @Option(names = "--native-variant", paramLabel = "NAME",
            description = "Native library variant for the worker (dl4j: plain, or onednn-avx2, avx2, ... when "
                    + "that nd4j-native jar is on the class path). Default: the backend's tuned choice.")
    String nativeVariant = "";

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "Backend option, repeatable (onnxruntime: optimization=all|basic|none; dl4j: graph=folded|"
                    + "unfolded, format=nhwc|nchw, helpers=onednn|builtin).")
    Map<String, String> backendOptions = new LinkedHashMap<>();

    @Option(names = "--in-process", description = "Run in this JVM instead of a forked worker (debugging; a native "
            + "crash then ends this command; --forks then repeats the protocol in this JVM).")
    boolean inProcess;

    /** The settings; a bad value is an {@link OptionValueException} naming the option and the value as given. */
    public ProtocolSettings toSettings() {
        ProtocolSettings.Builder b = ProtocolSettings.builder();
        set("--warmup-runs", warmupRuns, () -> b.warmupRuns(warmupRuns));
        set("--warmup-time", warmupTime, () -> b.warmupMinTimeMs(millis("--warmup-time", warmupTime)));
        set("--min-runs", minRuns, () -> b.minRuns(minRuns));
        set("--min-time", minTime, () -> b.minTimeMs(millis("--min-time", minTime)));
        set("--max-time", maxTime, () -> b.maxTimeMs(millis("--max-time", maxTime)));
        set("--batch", batch, () -> b.batch(batch));
        set("--threads", threads, () -> b.threads(threads));
        set("--forks", forks, () -> b.forks(forks));
        set("--profile-layers", profileRepeats, () -> b.profileRepeats(profileRepeats));
        return b.weightSeed(weightSeed).inputSeed(inputSeed).backendOptions(backendOptions)
                .nativeVariant(nativeVariant).build();
    }

    /** Runs one builder setter; its {@link InvalidSettingException} becomes the option's error. */
    private static void set(String option, Object given, Runnable setter) {
        try {
            setter.run();
        } catch (InvalidSettingException e) {
            throw new OptionValueException(option, given, e.rule());
        }
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
        Double v = Decimals.parse(t.strip());
        if (v == null || v < 0) {
            throw new OptionValueException(option, text, "must be a time like 500ms, 2s, 1.5 (seconds) or 1m");
        }
        double ms = v * factor;
        if (ms > ProtocolSettings.MAX_TIME_MS) { // before rounding: no long overflow (1e300s, 9999999999999m)
            throw new OptionValueException(option, text, ProtocolSettings.TIME_RULE);
        }
        return Math.round(ms);
    }

    /** A time in the form {@link #millis} reads, as short as it goes: {@code 1m}, {@code 2s}, {@code 500ms}. */
    static String time(long ms) {
        if (ms > 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms > 0 && ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    public boolean inProcess() {
        return inProcess;
    }
}
