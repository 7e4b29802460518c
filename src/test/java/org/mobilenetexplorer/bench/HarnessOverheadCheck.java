package org.mobilenetexplorer.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * The measurement behind the "harness overhead under 5%" goal: NOT a unit test (never run by surefire).
 * One network, one JVM: the full {@link BenchmarkProtocol} measures it (with the worker's JSON event writer as
 * listener, writing to a null stream), and between every two protocol runs the listener times one bare
 * {@code t0 = nanoTime(); net.run(input); t1 = nanoTime()} on the same network. The two series are paired run by
 * run, so load changes on a shared machine hit both alike; the medians and the median of the paired differences
 * (each harness run against the bare run after it, and against the one before it) are compared.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * CLASSPATH=target/classes:target/test-classes:$(cat cp.txt) java org.mobilenetexplorer.bench.HarnessOverheadCheck \
 *     onnxruntime 0.25 128 500
 * </pre>
 * Arguments: backend, alpha, resolution, measured runs, threads (0 = all cores).
 */
public final class HarnessOverheadCheck {
    private HarnessOverheadCheck() {
    }

    public static void main(String[] args) throws Exception {
        String backendId = args.length > 0 ? args[0] : "onnxruntime";
        MobileNetConfig config = new MobileNetConfig(args.length > 1 ? Double.parseDouble(args[1]) : 0.25,
                args.length > 2 ? Integer.parseInt(args[2]) : 128);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        InferenceBackend real = Backends.byId(backendId);
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        ProtocolSettings p = ProtocolSettings.DEFAULT.withWarmup(Math.max(5, runs / 10), 0)
                .withMeasurement(runs, 0, 600_000).withThreads(threads);
        Thread t = new Thread(null, () -> {
            try (PreparedNetwork net = real.prepare(ArchitectureSpec.of(config), p.weightSeed(), 1,
                    p.toBackendOptions())) {
                float[] input = BenchmarkProtocol.seededInput(p.inputSeed(),
                        config.resolution() * config.resolution() * 3);
                List<Double> bare = new ArrayList<>();
                BenchmarkListener interleave = new BenchmarkListener() {
                    @Override
                    public void runFinished(BenchmarkRequest r, Phase phase, int index, double ms) {
                        if (phase != Phase.MEASUREMENT) {
                            return;
                        }
                        try {
                            long a = System.nanoTime();
                            float[] out = net.run(input);
                            long b = System.nanoTime();
                            bare.add((b - a) / 1e6 + 0 * out[0]);
                        } catch (BackendException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                };
                BenchmarkListener events = new BenchmarkWorker.EventWriter(
                        new PrintStream(OutputStream.nullOutputStream()), ResultJson.compactMapper());
                BenchmarkResult r = new BenchmarkProtocol().run(new SharedNetworkBackend(real, net),
                        new BenchmarkRequest(config, backendId, p), BenchmarkListener.composite(events, interleave),
                        new CancellationToken());
                List<Double> harness = r.samplesMs();
                double[] diff = new double[harness.size()];
                for (int i = 0; i < diff.length; i++) {
                    diff[i] = harness.get(i) - bare.get(i);
                }
                double[] diffPrev = new double[harness.size() - 1];
                for (int i = 1; i < harness.size(); i++) {
                    diffPrev[i - 1] = harness.get(i) - bare.get(i - 1);
                }
                double mb = LatencyStatistics.of(bare).median();
                double mh = r.latencyMs().median();
                System.out.println(String.format(Locale.ROOT, "%s %s, %d thread(s), %d paired runs: bare loop median %.4f ms, "
                        + "harness median %.4f ms (%+.2f%%); median paired difference %+.4f ms (%+.2f%%), against the bare run "
                        + "before it %+.4f ms (%+.2f%%); CV %.1f%%",
                        backendId, config.label(), p.toBackendOptions().effectiveThreads(), diff.length, mb, mh, (mh - mb) / mb * 100,
                        LatencyStatistics.median(diff), LatencyStatistics.median(diff) / mb * 100,
                        LatencyStatistics.median(diffPrev), LatencyStatistics.median(diffPrev) / mb * 100,
                        r.latencyMs().cv() * 100));
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "overhead", InProcessRunner.STACK_BYTES);
        t.start();
        t.join();
        System.exit(0);
    }

    /** A backend whose prepare() hands out an already prepared network (closed by the caller, not the protocol). */
    private record SharedNetworkBackend(InferenceBackend real, PreparedNetwork net) implements InferenceBackend {
        @Override
        public String id() {
            return real.id();
        }

        @Override
        public String displayName() {
            return real.displayName();
        }

        @Override
        public PreparedNetwork prepare(ArchitectureSpec spec, long seed, int batch, BackendOptions options) {
            return new PreparedNetwork() {
                @Override
                public int batchSize() {
                    return net.batchSize();
                }

                @Override
                public float[] run(float[] input) throws BackendException {
                    return net.run(input);
                }

                @Override
                public List<LayerTiming> profileLayers(float[] input, int repeats) throws BackendException {
                    return net.profileLayers(input, repeats);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Map<String, String> runtimeInfo() {
            return real.runtimeInfo();
        }
    }
}
