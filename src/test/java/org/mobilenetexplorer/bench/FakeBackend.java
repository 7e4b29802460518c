package org.mobilenetexplorer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerSpec;

/**
 * A test backend whose behaviour comes from {@link BackendOptions#extra()}:
 * {@code runMs} (time per run, default 2), {@code runMsCycle} (times cycled run by run, e.g. {@code 1,1,3}), {@code firstExtraMs} (extra time of the first run), {@code prepareMs},
 * {@code fail} = {@code halt} | {@code oom} | {@code throw} | {@code hang} and {@code failAt} = {@code prepare} |
 * {@code run} (default run) | {@code run:N} (the N-th run, from 0).
 * With a fake clock (in-process tests) time advances instead of spinning; without one (the forked worker) each run
 * busy-spins for real.
 *
 * <p>It is registered as a service only in {@code src/test/fake-backend} (not a test resource), so other tests keep
 * seeing exactly the real backends: a worker gets that directory on its class path ({@link #workerClassPath()}),
 * in-process code sees it through the thread context class loader ({@link #withServices}).
 */
public final class FakeBackend implements InferenceBackend {
    private static final java.util.concurrent.atomic.AtomicInteger PREPARES = new java.util.concurrent.atomic.AtomicInteger();

    public static final String ID = "fake";

    /** The directory holding this backend's META-INF/services registration. */
    public static final java.nio.file.Path SERVICES = java.nio.file.Path.of("src", "test", "fake-backend")
            .toAbsolutePath();

    /** The test class path plus the fake backend's registration, for a worker JVM. */
    public static String workerClassPath() {
        return System.getProperty("java.class.path") + java.io.File.pathSeparator + SERVICES;
    }

    /** Runs {@code body} with the fake backend visible to {@link Backends} (through the context class loader). */
    public static <T> T withServices(java.util.function.Supplier<T> body) {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        try (java.net.URLClassLoader cl = new java.net.URLClassLoader(
                new java.net.URL[] {SERVICES.toUri().toURL()}, FakeBackend.class.getClassLoader())) {
            t.setContextClassLoader(cl);
            return body.get();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            t.setContextClassLoader(old);
        }
    }

    private final AtomicLong clock;

    /** Real time (the worker). */
    public FakeBackend() {
        this(null);
    }

    /** Fake time: runs advance {@code clock} (nanoseconds). */
    public FakeBackend(AtomicLong clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Fake backend (tests)";
    }

    @Override
    public Map<String, String> runtimeInfo() {
        return Map.of("version", "0-test", "nativeVariant", "none");
    }

    private void spend(double ms) {
        if (clock != null) {
            clock.addAndGet((long) (ms * 1e6));
            return;
        }
        long end = System.nanoTime() + (long) (ms * 1e6);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void fail(String mode) throws BackendException {
        switch (mode) {
            case "halt" -> Runtime.getRuntime().halt(134);
            case "oom" -> {
                List<long[]> hog = new ArrayList<>();
                while (true) {
                    hog.add(new long[16 * 1024 * 1024]);
                }
            }
            case "throw" -> throw new BackendException("fake backend failure (as asked)");
            case "hang" -> {
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> throw new IllegalArgumentException("fail = " + mode);
        }
    }

    @Override
    public PreparedNetwork prepare(ArchitectureSpec spec, long weightSeed, int batchSize, BackendOptions options)
            throws BackendException {
        String failMode = options.extra("fail", "");
        String failAt = options.extra("failAt", "run");
        if (!failMode.isEmpty() && failAt.equals("prepare")) {
            fail(failMode);
        }
        spend(Double.parseDouble(options.extra("prepareMs", "0")));
        double runMs = Double.parseDouble(options.extra("runMs", "2"));
        double[] cycle = java.util.Arrays.stream(options.extra("runMsCycle", String.valueOf(runMs)).split(","))
                .mapToDouble(Double::parseDouble).toArray();
        double firstExtra = Double.parseDouble(options.extra("firstExtraMs", "0"));
        int failRun = failAt.startsWith("run:") ? Integer.parseInt(failAt.substring(4)) : 0;
        int outLen = batchSize * spec.config().classes();
        String usesThreads = options.extra("usesThreads", ""); // a backend that picks its own thread count
        // "countPrepares": report how many networks this JVM has prepared so far (one worker or several)
        String prepared = options.extra("countPrepares", "").isEmpty() ? ""
                : Integer.toString(PREPARES.incrementAndGet());
        return new PreparedNetwork() {
            int runs;

            @Override
            public Map<String, String> settings() {
                if (!prepared.isEmpty()) {
                    return Map.of("preparedInThisJvm", prepared);
                }
                return usesThreads.isEmpty() ? Map.of() : Map.of("threads", usesThreads, "graph", "fake");
            }

            @Override
            public int batchSize() {
                return batchSize;
            }

            @Override
            public float[] run(float[] input) throws BackendException {
                if (!failMode.isEmpty() && failAt.startsWith("run") && runs >= failRun) {
                    fail(failMode);
                }
                spend(cycle[runs % cycle.length] + (runs == 0 ? firstExtra : 0));
                runs++;
                float[] out = new float[outLen];
                out[0] = input[0];
                return out;
            }

            @Override
            public List<LayerTiming> profileLayers(float[] input, int repeats) {
                // every layer takes 1 ms x its position in the layer list, except softmax (0.5 ms)
                List<LayerTiming> t = new ArrayList<>();
                for (LayerSpec l : spec.layers()) {
                    List<Long> s = new ArrayList<>();
                    for (int i = 0; i < repeats; i++) {
                        s.add(l.name().equals("Softmax") ? 500_000L : 1_000_000L * (1 + (i % 3)));
                    }
                    t.add(new LayerTiming(l.name(), s));
                }
                return t;
            }

            @Override
            public void close() {
            }
        };
    }
}
