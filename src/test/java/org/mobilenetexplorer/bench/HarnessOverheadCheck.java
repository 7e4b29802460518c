package org.mobilenetexplorer.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * The measurement behind the "harness overhead under 5%" goal: NOT a unit test (never run by surefire). In one
 * JVM, alternates blocks of (a) a bare loop {@code t0 = nanoTime(); net.run(input); t1 = nanoTime()} and (b) the
 * full {@link BenchmarkProtocol} measurement phase with the worker's event writer as listener (JSON events to a
 * null stream), on networks of the same spec, and compares their medians back to back (ABAB... to cancel drift).
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * CLASSPATH=target/classes:target/test-classes:$(cat cp.txt) java org.mobilenetexplorer.bench.HarnessOverheadCheck \
 *     onnxruntime 0.25 128 200 5
 * </pre>
 * Arguments: backend, alpha, resolution, runs per block, blocks per side.
 */
public final class HarnessOverheadCheck {
    private HarnessOverheadCheck() {
    }

    public static void main(String[] args) throws Exception {
        String backendId = args.length > 0 ? args[0] : "onnxruntime";
        MobileNetConfig config = new MobileNetConfig(args.length > 1 ? Double.parseDouble(args[1]) : 0.25,
                args.length > 2 ? Integer.parseInt(args[2]) : 128);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int blocks = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        InferenceBackend backend = Backends.byId(backendId);
        ProtocolSettings p = ProtocolSettings.DEFAULT.withWarmup(runs / 4, 0).withMeasurement(runs, 0, 600_000);
        BenchmarkRequest request = new BenchmarkRequest(config, backendId, p);
        BenchmarkWorker.EventWriter events = new BenchmarkWorker.EventWriter(
                new PrintStream(java.io.OutputStream.nullOutputStream()), ResultJson.compactMapper());
        BenchmarkProtocol protocol = new BenchmarkProtocol();
        float[] input = BenchmarkProtocol.seededInput(p.inputSeed(), config.resolution() * config.resolution() * 3);
        Thread t = new Thread(null, () -> {
            try (PreparedNetwork net = backend.prepare(ArchitectureSpec.of(config), p.weightSeed(), 1,
                    p.toBackendOptions())) {
                for (int i = 0; i < runs / 4; i++) {
                    net.run(input);
                }
                double[] bare = new double[0];
                double[] harness = new double[0];
                for (int b = 0; b < blocks; b++) {
                    bare = concat(bare, bareLoop(net, input, runs));
                    BenchmarkResult r = protocol.run(backend, request, events, new CancellationToken());
                    harness = concat(harness, r.samplesMs().stream().mapToDouble(Double::doubleValue).toArray());
                }
                double mb = LatencyStatistics.median(bare);
                double mh = LatencyStatistics.median(harness);
                System.out.println(String.format(Locale.ROOT,
                        "%s %s: bare loop median %.4f ms (n=%d), harness median %.4f ms (n=%d): %+.2f%%",
                        backendId, config.label(), mb, bare.length, mh, harness.length, (mh - mb) / mb * 100));
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "overhead", InProcessRunner.STACK_BYTES);
        t.start();
        t.join();
        System.exit(0);
    }

    private static double[] bareLoop(PreparedNetwork net, float[] input, int runs) throws BackendException {
        double[] s = new double[runs];
        int sink = 0;
        for (int i = 0; i < runs; i++) {
            long a = System.nanoTime();
            float[] out = net.run(input);
            long b = System.nanoTime();
            sink += Float.floatToRawIntBits(out[0]);
            s[i] = (b - a) / 1e6;
        }
        if (sink == 42) {
            System.out.print("");
        }
        return s;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

}
