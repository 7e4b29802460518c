package org.mobilenetexplorer.predict;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.bench.BenchmarkListener;
import org.mobilenetexplorer.bench.BenchmarkOutcome;
import org.mobilenetexplorer.bench.BenchmarkRequest;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.EnvironmentProbe;
import org.mobilenetexplorer.bench.LayerProfile;
import org.mobilenetexplorer.bench.ProtocolSettings;
import org.mobilenetexplorer.bench.SweepReport;
import org.mobilenetexplorer.bench.UnstableFlag;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * Measures a calibration grid (whole networks with the per-layer profile, in {@value #ROUNDS} rounds of one forked
 * worker each, through the benchmark engine) into a {@link DeviceProfile}, and held-out configurations into a {@link Validation}. Never
 * prints and never writes: the caller reports progress from the listener and stores the profile.
 */
public final class Calibrator {
    /**
     * How many times every network is measured, each time in another worker JVM: the rounds of
     * {@link org.mobilenetexplorer.bench.ForkRounds} (one worker measures one fork of every network, a fresh session
     * each). On this 2-vCPU VM one worker's median of the same network differed from another's by up to 45%: a
     * process placed on the slower core, or with a worse memory placement, runs slower throughout (docs/decisions/010,
     * decisions 7 and 8). Pooling three workers' samples per network bounds what one of them can do, for three JVM
     * starts in all instead of one per network.
     */
    public static final int ROUNDS = 3;

    /**
     * The protocol of every calibration network, per round: warm-up of at least 10 runs and 0.4 s, then at least 20
     * runs and 0.4 s, at most 5 s, batch 1, all cores; the per-layer profile of 10 forward passes in the last round.
     * The worker warms its own JIT up for {@value org.mobilenetexplorer.bench.ForkedRunner#PRIME_MS_DEFAULT} ms before
     * its first network, so no network is measured while the worker still compiles (with a 0.2 s warm-up in a fresh
     * JVM, a 0.45 ms network measured 1.0 ms; decision 7).
     */
    public static final ProtocolSettings PROTOCOL =
            ProtocolSettings.DEFAULT.withWarmup(10, 400).withMeasurement(20, 400, 5_000)
                    .withBatch(1).withThreads(0).withProfileRepeats(10).withForks(ROUNDS);

    /** The protocol of every held-out validation network: {@link #PROTOCOL} without the per-layer profile. */
    public static final ProtocolSettings VALIDATION_PROTOCOL = PROTOCOL.withProfileRepeats(0);

    private final BenchmarkEngine engine;

    public Calibrator(BenchmarkEngine engine) {
        this.engine = engine;
    }

    /** How a calibration or validation ended. */
    public sealed interface Outcome<T> {
        /** Everything measured. */
        record Done<T>(T value) implements Outcome<T> {
        }

        /** Cancelled: nothing to store. */
        record Cancelled<T>(int finished, int total) implements Outcome<T> {
        }

        /** Some configurations failed: nothing to store; the messages say which and why. */
        record Failed<T>(List<String> messages) implements Outcome<T> {
            public Failed {
                messages = List.copyOf(messages);
            }
        }
    }

    /** The calibration requests of {@code grid} on {@code backend}. */
    public static List<BenchmarkRequest> requests(String backend, CalibrationGrid grid, ProtocolSettings protocol) {
        return grid.configs().stream().map(c -> new BenchmarkRequest(c, backend, protocol)).toList();
    }

    /** Measures {@code grid} on {@code backend} into a profile (blocking; cancel through the engine). */
    public Outcome<DeviceProfile> calibrate(String backend, Precision precision, CalibrationGrid grid,
                                            BenchmarkListener listener) {
        List<BenchmarkRequest> requests = requests(backend, grid, PROTOCOL);
        double load = loadAverage();
        SweepReport report = engine.sweepInRounds(requests, listener);
        if (report.cancelled()) {
            return new Outcome.Cancelled<>(report.outcomes().size(), requests.size());
        }
        List<String> failures = failures(report);
        if (!failures.isEmpty()) {
            return new Outcome.Failed<>(failures);
        }
        List<BenchmarkResult> results = report.results();
        List<NetworkMeasurement> networks = new ArrayList<>();
        for (BenchmarkResult r : results) {
            if (r.layers().isEmpty()) {
                return new Outcome.Failed<>(List.of(r.config().label() + " on " + backend
                        + ": the backend returned no per-layer profile"));
            }
            networks.add(measurement(r));
        }
        Map<String, String> env = new LinkedHashMap<>(results.get(0).environment());
        env.remove(EnvironmentProbe.TIMESTAMP);
        return new Outcome.Done<>(new DeviceProfile(DeviceProfile.FORMAT, DeviceProfile.SCHEMA_VERSION, backend,
                precision.id(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), env, PROTOCOL, grid,
                Math.round(report.elapsed().toMillis() / 100.0) / 10.0, load, networks));
    }

    /** Measures the held-out {@code grid} (no profile) and holds it against {@code model}'s predictions. */
    public Outcome<Validation> validate(LatencyModel model, CalibrationGrid grid, BenchmarkListener listener)
            throws PredictionRefusedException {
        List<Prediction> predictions = new ArrayList<>();
        for (MobileNetConfig c : grid.configs()) {
            predictions.add(model.predict(c)); // refuse before measuring anything
        }
        String backend = model.profile().backend();
        List<NetworkMeasurement> anchors = anchors(model.profile());
        List<BenchmarkRequest> requests = new ArrayList<>(requests(backend, grid, VALIDATION_PROTOCOL));
        for (NetworkMeasurement a : anchors) {
            requests.add(new BenchmarkRequest(a.config(), backend, VALIDATION_PROTOCOL));
        }
        SweepReport report = engine.sweepInRounds(requests, listener);
        if (report.cancelled()) {
            return new Outcome.Cancelled<>(report.outcomes().size(), requests.size());
        }
        List<String> failures = failures(report);
        if (!failures.isEmpty()) {
            return new Outcome.Failed<>(failures);
        }
        List<Validation.Row> rows = new ArrayList<>();
        List<BenchmarkResult> results = report.results();
        List<Validation.Anchor> measuredAnchors = new ArrayList<>();
        for (int j = 0; j < anchors.size(); j++) {
            measuredAnchors.add(new Validation.Anchor(anchors.get(j).config(), anchors.get(j).medianMs(),
                    results.get(predictions.size() + j).latencyMs().median()));
        }
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            BenchmarkResult r = results.get(i);
            List<Double> rounds = r.forks() == null ? List.of()
                    : r.forks().perFork().stream().map(org.mobilenetexplorer.bench.ForkSummary::medianMs).toList();
            rows.add(new Validation.Row(r.config(), r.latencyMs().median(), p.predictedMs(), p.lowMs(), p.highMs(),
                    rounds));
        }
        return new Outcome.Done<>(new Validation(rows, measuredAnchors));
    }

    /**
     * The calibration networks measured again beside the held-out ones, to tell the machine's drift from the model's
     * error: per family of the profile, the network whose median is the family's median (a mid-sized one), in the
     * profile's order. On this 2-vCPU VM two back-to-back validations of the same 20 networks measured every one of
     * them 13-41% apart (median 29%): the whole machine ran slower for minutes (docs/decisions/010, decision 8).
     */
    static List<NetworkMeasurement> anchors(DeviceProfile profile) {
        List<NetworkMeasurement> out = new ArrayList<>();
        for (org.mobilenetexplorer.model.Family f : profile.grid().families()) {
            List<NetworkMeasurement> own = profile.networks().stream()
                    .filter(n -> n.config().family() == f && !n.config().minimalistic()).toList();
            if (own.isEmpty()) {
                continue;
            }
            List<NetworkMeasurement> sorted = own.stream()
                    .sorted(java.util.Comparator.comparingDouble(NetworkMeasurement::medianMs)).toList();
            out.add(sorted.get(sorted.size() / 2));
        }
        return out;
    }

    /** The 1-minute system load average, -1 when the OS does not report it. */
    public static double loadAverage() {
        double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? -1 : Math.round(l * 100) / 100.0;
    }

    private static List<String> failures(SweepReport report) {
        return report.failures().stream().map(f -> f.request().label() + ": " + f.message()).toList();
    }

    /** One benchmark result as a calibration network: whole-network samples and per-layer medians. */
    static NetworkMeasurement measurement(BenchmarkResult r) {
        List<LayerMeasurement> layers = new ArrayList<>();
        for (LayerProfile l : r.layers()) {
            layers.add(new LayerMeasurement(l.name(), l.medianMs()));
        }
        return new NetworkMeasurement(r.config(), r.id(), r.latencyMs().median(), r.samplesMs(), layers,
                r.unstable().stream().map(UnstableFlag::kind).map(Enum::name).toList());
    }
}
