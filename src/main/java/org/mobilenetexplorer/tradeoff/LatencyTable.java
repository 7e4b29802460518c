package org.mobilenetexplorer.tradeoff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.Device;
import org.mobilenetexplorer.bench.EnvironmentProbe;
import org.mobilenetexplorer.bench.Precisions;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;

/**
 * Measured latencies of one backend in one precision, by configuration, from benchmark result files. Rules: only
 * batch-1 results count (latency per image at batch 1 is what the charts mean); one precision per table (FP32
 * unless chosen: results in the other precision are left out with a note, so a series never mixes FP32 and INT8);
 * one backend per table (several backends in the
 * directory need an explicit choice); of several results for the same configuration the newest (largest id,
 * ids start with the time) wins. Configurations match exactly except for the activation (cost- and
 * latency-neutral). Every rule that drops a file adds a note.
 */
public final class LatencyTable {
    private final Path directory;
    private final String backend;
    private final Precision precision;
    private final Map<MobileNetConfig, MeasuredLatency> byConfig;
    private final List<String> notes;
    private final LatencyKind kind;

    private LatencyTable(Path directory, String backend, Precision precision,
                         Map<MobileNetConfig, MeasuredLatency> byConfig, List<String> notes) {
        this(directory, backend, precision, byConfig, notes, LatencyKind.MEASURED);
    }

    private LatencyTable(Path directory, String backend, Precision precision,
                         Map<MobileNetConfig, MeasuredLatency> byConfig, List<String> notes, LatencyKind kind) {
        this.directory = directory;
        this.backend = backend;
        this.precision = precision;
        this.byConfig = Map.copyOf(byConfig);
        this.notes = List.copyOf(notes);
        this.kind = kind;
    }

    /**
     * A table of predicted or published latencies ({@code kind} must match every value's kind: a table never mixes
     * kinds), keyed by configuration.
     */
    public static LatencyTable of(LatencyKind kind, String backend, Precision precision,
                                  Map<MobileNetConfig, MeasuredLatency> values, List<String> notes) {
        Map<MobileNetConfig, MeasuredLatency> keyed = new LinkedHashMap<>();
        values.forEach((c, l) -> {
            if (l.kind() != kind) {
                throw new IllegalArgumentException(c.label() + ": a " + l.kind().id() + " latency in a table of "
                        + kind.id() + " latencies");
            }
            keyed.put(key(c), l);
        });
        return new LatencyTable(null, backend, precision, keyed, notes, kind);
    }

    /** The devices the results were measured on, sorted by label. */
    public static List<Device> devices(List<BenchmarkResult> results) {
        return results.stream().map(Device::of).distinct().sorted().toList();
    }

    /** Measured, predicted or published (every value is of this kind). */
    public LatencyKind kind() {
        return kind;
    }

    /** The configurations with a latency. */
    public java.util.Set<MobileNetConfig> configs() {
        return byConfig.keySet();
    }

    /** No measurements (the note says why). */
    public static LatencyTable empty(Path directory, String note) {
        return new LatencyTable(directory, null, Precision.FP32, Map.of(), List.of(note));
    }

    /** Loads {@code dir} with {@link ResultStore#loadAll(Path)}; {@code backend} may be null when only one is there. */
    public static LatencyTable load(Path dir, String backend) {
        return load(dir, backend, Precision.FP32);
    }

    /** Loads the {@code precision} results of {@code dir}; {@code backend} may be null when only one is there. */
    public static LatencyTable load(Path dir, String backend, Precision precision) {
        ResultStore.LoadReport report = ResultStore.loadAll(dir);
        List<String> notes = new ArrayList<>();
        for (ResultStore.SkippedFile s : report.skipped()) {
            notes.add("skipped " + s);
        }
        if (report.results().isEmpty()) {
            notes.add(0, "no benchmark results in " + dir + ": latency not available, MACs and params only");
            return new LatencyTable(dir, null, precision, Map.of(), notes);
        }
        return of(report.results(), dir, backend, precision, notes);
    }

    /** Builds a table from results already loaded from {@code dir}. */
    public static LatencyTable of(List<BenchmarkResult> results, Path dir, String backend, List<String> notesIn) {
        return of(results, dir, backend, Precision.FP32, notesIn);
    }

    /** Builds a table of the {@code precision} results among {@code results}. */
    public static LatencyTable of(List<BenchmarkResult> resultsIn, Path dir, String backend, Precision precision,
                                  List<String> notesIn) {
        return of(resultsIn, dir, backend, precision, null, notesIn);
    }

    /**
     * Builds a table of the {@code precision} results among {@code results} measured on {@code device} (null: every
     * device, with a note when there are several).
     */
    public static LatencyTable of(List<BenchmarkResult> resultsIn, Path dir, String backend, Precision precision,
                                  Device device, List<String> notesIn) {
        List<String> notes = new ArrayList<>(notesIn);
        if (device != null) {
            resultsIn = resultsIn.stream().filter(r -> Device.of(r).equals(device)).toList();
        }
        List<BenchmarkResult> results = resultsIn.stream().filter(r -> Precisions.of(r) == precision).toList();
        int otherPrecision = resultsIn.size() - results.size();
        if (otherPrecision > 0) {
            notes.add(otherPrecision + " result(s) in another precision than " + precision.id()
                    + " left out (one precision per series; choose with --precision)");
        }
        if (results.isEmpty()) {
            notes.add(0, "no " + precision.id() + " benchmark results" + (device == null ? "" : " of " + device.label())
                    + " in " + dir
                    + ": latency not available, MACs and params only");
            return new LatencyTable(dir, null, precision, Map.of(), notes);
        }
        TreeSet<String> backends = new TreeSet<>();
        results.forEach(r -> backends.add(r.backend()));
        String chosen = backend;
        if (chosen == null) {
            if (backends.size() > 1) {
                throw new IllegalArgumentException("results in " + dir + " come from several backends ("
                        + String.join(", ", backends) + "): choose one with --backend");
            }
            chosen = backends.first();
        } else if (!backends.contains(chosen)) {
            throw new IllegalArgumentException("--backend " + chosen + ": no results for it in " + dir + " (found: "
                    + String.join(", ", backends) + ")");
        }
        Map<MobileNetConfig, BenchmarkResult> newest = new LinkedHashMap<>();
        int otherBatch = 0;
        int older = 0;
        for (BenchmarkResult r : results) {
            if (!r.backend().equals(chosen)) {
                continue;
            }
            if (r.protocol().batch() != 1) {
                otherBatch++;
                continue;
            }
            MobileNetConfig key = key(r.config());
            BenchmarkResult old = newest.get(key);
            if (old != null) {
                older++;
                if (old.id().compareTo(r.id()) > 0) {
                    continue;
                }
            }
            newest.put(key, r);
        }
        if (otherBatch > 0) {
            notes.add(otherBatch + " " + chosen + " result(s) with batch > 1 ignored (latency is per image at batch 1)");
        }
        if (older > 0) {
            notes.add(older + " older " + chosen + " result(s) for an already measured configuration ignored"
                    + " (the newest wins)");
        }
        Map<MobileNetConfig, MeasuredLatency> out = new LinkedHashMap<>();
        TreeSet<String> cpus = new TreeSet<>();
        for (var e : newest.entrySet()) {
            BenchmarkResult r = e.getValue();
            Map<String, String> env = r.environment();
            String cpu = env.getOrDefault(EnvironmentProbe.CPU_MODEL, "");
            cpus.add(cpu);
            String name = env.getOrDefault(EnvironmentProbe.BACKEND_NAME, r.backend());
            String version = env.getOrDefault(EnvironmentProbe.BACKEND_VERSION, "");
            String full = version.isBlank() || name.contains(version) ? name : name + " " + version;
            out.put(e.getKey(), new MeasuredLatency(r.medianMsPerImage(), r.backend(),
                    precision == Precision.FP32 ? full : full + " " + precision.name(), cpu,
                    ResultStore.fileName(r), r.isStable(), r.layers(), LatencyKind.MEASURED, Device.of(r).label()));
        }
        if (cpus.size() > 1) {
            notes.add("results measured on several CPUs (" + String.join("; ", cpus) + "): compare with care");
        }
        return new LatencyTable(dir, chosen, precision, out, notes);
    }

    private static MobileNetConfig key(MobileNetConfig c) {
        return c.withActivation(Activation.RELU6);
    }

    /** The measured latency of {@code config}, if any. */
    public Optional<MeasuredLatency> latency(MobileNetConfig config) {
        return Optional.ofNullable(byConfig.get(key(config)));
    }

    public boolean isEmpty() {
        return byConfig.isEmpty();
    }

    /** The results directory, or null. */
    public Path directory() {
        return directory;
    }

    /** The precision of every latency in the table. */
    public Precision precision() {
        return precision;
    }

    /** The backend id, or null when empty. */
    public String backend() {
        return backend;
    }

    /** Backend display name of the measurements (empty when none). */
    public String backendName() {
        return byConfig.values().stream().map(MeasuredLatency::backendName).findFirst().orElse("");
    }

    /** The CPU(s) the measurements ran on, joined (empty when none). */
    public String cpu() {
        return String.join("; ", new TreeSet<>(byConfig.values().stream().map(MeasuredLatency::cpu)
                .filter(s -> !s.isBlank()).toList()));
    }

    /** What was skipped or ignored, and why. */
    public List<String> notes() {
        return notes;
    }
}
