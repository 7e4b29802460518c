package org.mobilenetexplorer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mobilenetexplorer.model.NetworkStats;

/**
 * Runs each benchmark in a fresh worker JVM (JMH's forking): the same java binary and class path, the
 * {@link BenchmarkWorker} main class (class path in {@code CLASSPATH}), an -Xmx sized by {@link MemoryGuard}, and native settings in the worker's
 * environment before any native library loads: {@code OMP_NUM_THREADS}, {@code OPENBLAS_NUM_THREADS},
 * {@code MKL_NUM_THREADS} = the benchmark's threads, {@code OMP_WAIT_POLICY=PASSIVE} (unless the caller's
 * environment sets one), the native variant as system property {@value #NATIVE_VARIANT_PROPERTY}, then the
 * backend's own {@link WorkerProcessSettings}. A crash, an out-of-memory error or a timeout of the worker becomes a
 * {@link BenchmarkOutcome.Failed} with the exit code and the worker's last output lines; cancelling kills it.
 */
public final class ForkedRunner implements BenchmarkRunner {
    /** System property carrying the requested native variant into the worker. */
    public static final String NATIVE_VARIANT_PROPERTY = "mobilenet.explorer.nativeVariant";
    /** Allowance for JVM start, native library loading and network build, on top of the protocol's bounds. */
    public static final Duration DEFAULT_STARTUP_ALLOWANCE = Duration.ofSeconds(120);

    private static final int TAIL_LINES = 12;

    private final String javaExecutable;
    private final String classPath;
    private final List<String> extraJvmOptions;
    private final Duration startupAllowance;
    private final Map<String, WorkerProcessSettings> processSettings;
    private final Function<String, String> parentEnvironment;

    /** This JVM's java binary and class path, the registered {@link WorkerProcessSettings}. */
    public ForkedRunner() {
        this(currentJava(), System.getProperty("java.class.path"), List.of(), DEFAULT_STARTUP_ALLOWANCE);
    }

    /** This JVM's environment ({@link System#getenv(String)}) as the parent environment. */
    public ForkedRunner(String javaExecutable, String classPath, List<String> extraJvmOptions,
                        Duration startupAllowance) {
        this(javaExecutable, classPath, extraJvmOptions, startupAllowance, System::getenv);
    }

    /**
     * @param parentEnvironment the environment the worker inherits, by name (null when unset): the caller's own
     *                          {@code OMP_WAIT_POLICY} is kept; tests pass a map's {@code get}
     */
    public ForkedRunner(String javaExecutable, String classPath, List<String> extraJvmOptions,
                        Duration startupAllowance, Function<String, String> parentEnvironment) {
        this.parentEnvironment = parentEnvironment;
        this.javaExecutable = javaExecutable;
        this.classPath = classPath;
        this.extraJvmOptions = List.copyOf(extraJvmOptions);
        this.startupAllowance = startupAllowance;
        Map<String, WorkerProcessSettings> s = new LinkedHashMap<>();
        for (WorkerProcessSettings w : ServiceLoader.load(WorkerProcessSettings.class)) {
            s.put(w.backendId(), w);
        }
        this.processSettings = Map.copyOf(s);
    }

    /**
     * The java executable of this JVM. In an app image (mvn -Pdist) the JVM was started by the image's own launcher
     * ({@code bin/mobilenet-explorer}), which is not a java executable: then the runtime's {@code bin/java}
     * ({@code java.home}; the dist build keeps it in the jlink image).
     */
    static String currentJava() {
        return ProcessHandle.current().info().command()
                .filter(c -> {
                    Path name = Path.of(c).getFileName();
                    return name != null && (name.toString().equals("java") || name.toString().equals("java.exe"));
                })
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The longest a worker may take: start-up allowance + warm-up and measurement (each capped by maxTime) + the
     * profile (allowed maxTime again).
     */
    public Duration timeout(ProtocolSettings p) {
        return startupAllowance.plusMillis(3 * p.maxTimeMs());
    }

    /** The allowance for JVM start, native library loading and network build. */
    Duration startupAllowance() {
        return startupAllowance;
    }

    /** The worker command line (without the two file arguments). */
    List<String> command(BenchmarkRequest request, MemoryEstimate memory) {
        return command(request, memory, BenchmarkWorker.class.getName());
    }

    /** The command line of a worker JVM set up for {@code request}, running {@code mainClass} (verify's worker too). */
    List<String> command(BenchmarkRequest request, MemoryEstimate memory, String mainClass) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable);
        cmd.add("-Xmx" + memory.workerHeapBytes() / (1024 * 1024) + "m");
        cmd.add("-XX:+UseSerialGC"); // no concurrent GC threads competing with the benchmark's threads
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-D" + BenchmarkWorker.WATCH_STDIN_PROPERTY + "=true"); // exits when we die (stdin pipe closes)
        String results = System.getProperty(ResultStore.DIRECTORY_PROPERTY);
        if (results != null) {
            cmd.add("-D" + ResultStore.DIRECTORY_PROPERTY + "=" + results);
        }
        if (!request.protocol().nativeVariant().isEmpty()) {
            cmd.add("-D" + NATIVE_VARIANT_PROPERTY + "=" + request.protocol().nativeVariant());
        }
        WorkerProcessSettings s = processSettings.get(request.backend());
        if (s != null) {
            cmd.addAll(s.jvmOptions(request.protocol(), memory));
        }
        cmd.addAll(extraJvmOptions);
        // the class path goes through the CLASSPATH variable (see environment()): ONNX Runtime 1.29 crashed
        // (SIGSEGV) in JVMs whose command line was longer than about 4 KB
        cmd.add(mainClass);
        return cmd;
    }

    /** The worker's environment changes (on top of the parent environment it inherits). */
    Map<String, String> environment(BenchmarkRequest request) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CLASSPATH", classPath);
        String threads = Integer.toString(request.protocol().toBackendOptions().effectiveThreads());
        env.put("OMP_NUM_THREADS", threads);
        env.put("OPENBLAS_NUM_THREADS", threads);
        env.put("MKL_NUM_THREADS", threads);
        String wait = parentEnvironment.apply("OMP_WAIT_POLICY");
        env.put("OMP_WAIT_POLICY", wait != null && !wait.isBlank() ? wait : "PASSIVE");
        WorkerProcessSettings s = processSettings.get(request.backend());
        if (s != null) {
            env.putAll(s.environment(request.protocol()));
        }
        return env;
    }

    /** Why {@code request} cannot run here (memory, native variant), before any worker starts; else empty. */
    private Optional<String> refusal(BenchmarkRequest request, MemoryEstimate memory) {
        Optional<String> refusal = MemoryGuard.refusal(memory, MemoryGuard.availableBytes(), request.label());
        if (refusal.isPresent()) {
            return refusal;
        }
        String variant = request.protocol().nativeVariant();
        if (!variant.isEmpty()) {
            WorkerProcessSettings s = processSettings.get(request.backend());
            return s == null
                    ? Optional.of("native variant " + variant + ": backend " + request.backend()
                            + " has no selectable native variants")
                    : s.refuseNativeVariant(variant);
        }
        return Optional.empty();
    }

    private static MemoryEstimate memory(BenchmarkRequest request) {
        return MemoryGuard.estimate(NetworkStats.of(request.config()), request.protocol().batch());
    }

    @Override
    public BenchmarkOutcome run(BenchmarkRequest request, BenchmarkListener listener, CancellationToken cancel) {
        MemoryEstimate memory = memory(request);
        Optional<String> refusal = refusal(request, memory);
        if (refusal.isPresent()) {
            return failed(request, refusal.get(), listener);
        }
        if (cancel.isCancelled()) {
            return done(new BenchmarkOutcome.Cancelled(request), listener);
        }
        WorkerEnding<BenchmarkResult> ending = launch(request, memory, BenchmarkWorker.class.getName(),
                timeout(request.protocol()), cancel, e -> {
                    switch (e.path("e").asText()) {
                        case "phase" -> listener.phaseStarted(request, Phase.valueOf(e.get("phase").asText()));
                        case "run" -> listener.runFinished(request, Phase.valueOf(e.get("phase").asText()),
                                e.get("i").asInt(), e.get("ms").asDouble());
                        default -> {
                        }
                    }
                }, ResultStore::read);
        return switch (ending.kind()) {
            case CANCELLED -> done(new BenchmarkOutcome.Cancelled(request), listener);
            case DONE -> done(new BenchmarkOutcome.Completed(request, ending.result()), listener);
            case FAILED -> failed(request, ending.message(), listener);
        };
    }

    /**
     * How one worker JVM ended: {@code result} when {@link Kind#DONE}, {@code message} (one line) when
     * {@link Kind#FAILED}.
     */
    record WorkerEnding<T>(Kind kind, T result, String message) {
        enum Kind {
            /** Cancelled before or while it ran (it was killed). */
            CANCELLED,
            /** It exited with 0 and its result file was read. */
            DONE,
            /** It could not start, timed out, crashed or exited without a result. */
            FAILED
        }

        static <T> WorkerEnding<T> cancelled() {
            return new WorkerEnding<>(Kind.CANCELLED, null, null);
        }

        static <T> WorkerEnding<T> done(T result) {
            return new WorkerEnding<>(Kind.DONE, result, null);
        }

        static <T> WorkerEnding<T> failed(String message) {
            return new WorkerEnding<>(Kind.FAILED, null, message);
        }
    }

    /** Reads a worker's result file. */
    @FunctionalInterface
    interface ResultReader<T> {
        T read(Path resultFile) throws IOException;
    }

    /**
     * Runs {@code mainClass} ({@link BenchmarkWorker} or {@link VerifyWorker}) in a worker JVM set up for
     * {@code request} ({@link #command}, {@link #environment}) with a request file and a result file as its two
     * arguments, in a temporary folder deleted in every case. Each event line the worker prints goes to
     * {@code events}, but for {@code failed}, whose message becomes the failure's reason; other lines are kept as the
     * output tail for failure messages. Cancelling or {@code timeout} kills the worker (and what it started); an exit
     * code of 0 with a result file is read by {@code reader}. A worker ended by SIGINT or SIGTERM (Ctrl-C in a
     * terminal signals it too, often before the caller's shutdown hook cancels) counts as cancelled when the cancel
     * follows within 2 s. An I/O error is a failure "cannot run the worker: ..."; a runtime exception kills the
     * worker and propagates. The worker itself exits when this JVM dies (it watches its stdin: see
     * {@link #command}).
     */
    <T> WorkerEnding<T> launch(BenchmarkRequest request, MemoryEstimate memory, String mainClass, Duration timeout,
                               CancellationToken cancel, Consumer<JsonNode> events, ResultReader<T> reader) {
        return launch(request, memory, mainClass, timeout, cancel, events, new WorkerFiles<T>() {
            @Override
            public List<String> write(Path dir) throws IOException {
                Path requestFile = dir.resolve("request.json");
                Files.write(requestFile, ResultJson.compactMapper().writeValueAsBytes(request));
                return List.of(requestFile.toString(), dir.resolve("result.json").toString());
            }

            @Override
            public T read(Path dir) throws IOException {
                Path resultFile = dir.resolve("result.json");
                return Files.exists(resultFile) ? reader.read(resultFile) : null;
            }
        });
    }

    /** What a worker is given and what it leaves, in its temporary folder. */
    interface WorkerFiles<T> {
        /** Writes the worker's input into {@code dir}; returns its arguments (after the main class). */
        List<String> write(Path dir) throws IOException;

        /** Reads what a worker that exited with 0 left in {@code dir}; null when it left no result. */
        T read(Path dir) throws IOException;
    }

    /**
     * As {@link #launch(BenchmarkRequest, MemoryEstimate, String, Duration, CancellationToken, Consumer,
     * ResultReader)}, with the worker's input, arguments and result given by {@code files} ({@link #runAll}'s batch
     * worker reads a list of requests and leaves a result per request); {@code request} sets the worker's command
     * line and environment up.
     */
    private <T> WorkerEnding<T> launch(BenchmarkRequest request, MemoryEstimate memory, String mainClass,
                                       Duration timeout, CancellationToken cancel, Consumer<JsonNode> events,
                                       WorkerFiles<T> files) {
        Path dir = null;
        Process process = null;
        try {
            dir = Files.createTempDirectory(BenchmarkWorker.TEMP_PREFIX);
            List<String> cmd = command(request, memory, mainClass);
            cmd.addAll(files.write(dir));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().putAll(environment(request));
            process = pb.start();
            Process p = process;
            cancel.onCancel(() -> kill(p));
            Tail tail = new Tail();
            AtomicReference<String> failure = new AtomicReference<>();
            Thread out = pump(p.getInputStream(), line -> onLine(line, events, failure, tail), "stdout");
            Thread err = pump(p.getErrorStream(), tail::add, "stderr");
            boolean exited = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                kill(p);
            }
            out.join(5_000);
            err.join(5_000);
            if (cancel.isCancelled()) {
                return WorkerEnding.cancelled();
            }
            if (!exited) {
                return WorkerEnding.failed("the worker timed out after " + timeout.toSeconds()
                        + " s and was killed" + tail.describe());
            }
            int code = p.exitValue();
            if (code == 130 || code == 143) {
                long until = System.nanoTime() + 2_000_000_000L;
                while (!cancel.isCancelled() && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                if (cancel.isCancelled()) {
                    return WorkerEnding.cancelled();
                }
            }
            T result = code == 0 ? files.read(dir) : null;
            if (result != null) {
                return WorkerEnding.done(result);
            }
            return WorkerEnding.failed(describeExit(code, failure.get(), memory, tail));
        } catch (InterruptedException e) {
            if (process != null) {
                kill(process);
            }
            Thread.currentThread().interrupt();
            return WorkerEnding.cancelled();
        } catch (IOException e) { // a ResultFileException too
            if (process != null) {
                kill(process);
            }
            return WorkerEnding.failed("cannot run the worker: " + e.getMessage());
        } catch (RuntimeException e) {
            if (process != null) {
                kill(process);
            }
            throw e;
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Runs {@code requests} in one worker JVM ({@link BenchmarkWorker}'s batch mode): one JVM start for all, a fresh
     * network and session for each. The worker first warms its own JIT up on the first request for
     * {@value #PRIME_MS_DEFAULT} ms (system property {@value #PRIME_MS_PROPERTY} of this JVM; discarded), so that no
     * request is measured while the worker still compiles its code. The requests must share the backend and the
     * worker's command line and environment (threads, native variant, the backend's process settings); otherwise,
     * and for a single request, each runs in its own worker.
     * A request the memory guard or its native variant refuses fails before any worker starts. A worker that crashes
     * or times out fails the request it was running, and the rest run on in a new worker. The time limit of a worker
     * is the start-up allowance plus each of its requests' protocol bounds (see {@link #timeout}).
     */
    @Override
    public List<BenchmarkOutcome> runAll(List<BenchmarkRequest> requests, BenchmarkListener listener,
                                         CancellationToken cancel) {
        if (requests.size() < 2 || !oneWorkerFits(requests)) { // one request: no batch to share a JVM
            return BenchmarkRunner.super.runAll(requests, listener, cancel);
        }
        int n = requests.size();
        BenchmarkOutcome[] outcomes = new BenchmarkOutcome[n];
        List<Integer> todo = new ArrayList<>();
        MemoryEstimate largest = null;
        for (int i = 0; i < n; i++) {
            MemoryEstimate m = memory(requests.get(i));
            Optional<String> refusal = refusal(requests.get(i), m);
            if (refusal.isPresent()) {
                outcomes[i] = failed(requests.get(i), refusal.get(), listener);
            } else {
                todo.add(i);
                if (largest == null || m.workerHeapBytes() > largest.workerHeapBytes()) {
                    largest = m;
                }
            }
        }
        while (!todo.isEmpty() && !cancel.isCancelled()) {
            int before = todo.size();
            if (!runBatch(requests, todo, largest, outcomes, listener, cancel)) {
                break; // cancelled or interrupted
            }
            todo.removeIf(i -> outcomes[i] != null);
            if (todo.size() == before) { // a worker that ran nothing: never start another for the same requests
                for (int i : todo) {
                    outcomes[i] = failed(requests.get(i), "the worker ended without running it", listener);
                }
                todo.clear();
            }
        }
        List<BenchmarkOutcome> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (outcomes[i] == null) {
                list.add(done(new BenchmarkOutcome.Cancelled(requests.get(i)), listener));
                break;
            }
            list.add(outcomes[i]);
        }
        return list;
    }

    /** System property: how long a batch worker warms up before its first request, in ms. */
    public static final String PRIME_MS_PROPERTY = "mobilenet.explorer.worker.primeMs";
    /** The default of {@link #PRIME_MS_PROPERTY}: a fresh worker JVM compiles its own code for 1-2 s. */
    public static final long PRIME_MS_DEFAULT = 1_500;

    /** True when every request has one fork and would get the same worker command line and environment. */
    private boolean oneWorkerFits(List<BenchmarkRequest> requests) {
        BenchmarkRequest first = requests.get(0);
        MemoryEstimate m = memory(first);
        List<String> cmd = command(first, m);
        Map<String, String> env = environment(first);
        for (BenchmarkRequest r : requests) {
            if (r.protocol().forks() != 1 || !r.backend().equals(first.backend())
                    || !command(r, m).equals(cmd) || !environment(r).equals(env)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One batch worker for the requests {@code todo} (indices into {@code requests}); fills {@code outcomes} as they
     * end. Returns false when cancelled or interrupted (the caller stops), true when the worker ended (the requests
     * it did not reach stay empty).
     */
    private boolean runBatch(List<BenchmarkRequest> requests, List<Integer> todo, MemoryEstimate memory,
                             BenchmarkOutcome[] outcomes, BenchmarkListener listener, CancellationToken cancel) {
        BenchmarkRequest first = requests.get(todo.get(0));
        List<BenchmarkRequest> batch = new ArrayList<>();
        long primeMs = Long.getLong(PRIME_MS_PROPERTY, PRIME_MS_DEFAULT);
        if (primeMs > 0) {
            batch.add(new BenchmarkRequest(first.config(), first.backend(), first.protocol().toBuilder()
                    .warmupRuns(10).warmupMinTimeMs(primeMs).minRuns(1).minTimeMs(0).profileRepeats(0).build()));
        }
        int offset = batch.size();
        Duration timeout = startupAllowance.plusMillis(primeMs > 0 ? primeMs + first.protocol().maxTimeMs() : 0);
        for (int i : todo) {
            batch.add(requests.get(i));
            timeout = timeout.plus(timeout(requests.get(i).protocol()).minus(startupAllowance));
        }
        Path[] folder = new Path[1];
        BatchEvents events = new BatchEvents(requests, todo, offset, () -> folder[0], outcomes, listener);
        WorkerEnding<Path> ending = launch(first, memory, BenchmarkWorker.class.getName(), timeout, cancel,
                events::onEvent, new WorkerFiles<Path>() {
                    @Override
                    public List<String> write(Path dir) throws IOException {
                        folder[0] = dir;
                        Path requestFile = dir.resolve("requests.json");
                        Files.write(requestFile, ResultJson.compactMapper().writeValueAsBytes(batch));
                        return List.of(BenchmarkWorker.BATCH, requestFile.toString(), dir.toString());
                    }

                    @Override
                    public Path read(Path dir) {
                        return dir; // each result was read as its "done" event came
                    }
                });
        return switch (ending.kind()) {
            case CANCELLED -> false;
            case DONE -> {
                int running = events.running();
                if (running >= 0) {
                    outcomes[running] = failed(requests.get(running), "the worker ended it without a result",
                            listener);
                }
                yield true;
            }
            case FAILED -> {
                failRunningOrAll(requests, todo, events.running(), outcomes, ending.message(), listener);
                yield true;
            }
        };
    }

    /**
     * After a worker died: the request it was running fails with {@code message}; when it died before reaching any
     * request (or the priming run), every request it had fails, so the batch cannot restart forever.
     */
    private static void failRunningOrAll(List<BenchmarkRequest> requests, List<Integer> todo, int running,
                                         BenchmarkOutcome[] outcomes, String message, BenchmarkListener listener) {
        if (running >= 0 && outcomes[running] == null) {
            outcomes[running] = failed(requests.get(running), message, listener);
            return;
        }
        boolean reachedAny = todo.stream().anyMatch(i -> outcomes[i] != null);
        if (!reachedAny) {
            for (int i : todo) {
                outcomes[i] = failed(requests.get(i), message, listener);
            }
        } else {
            // ended between two requests: the next one fails, so the batch moves on
            todo.stream().filter(i -> outcomes[i] == null).findFirst()
                    .ifPresent(i -> outcomes[i] = failed(requests.get(i), message, listener));
        }
    }

    /** The events of a batch worker (read on the pump thread), turned into listener calls and outcomes. */
    private static final class BatchEvents {
        private final List<BenchmarkRequest> requests;
        private final List<Integer> todo;
        private final int offset;
        private final java.util.function.Supplier<Path> folder;
        private final BenchmarkOutcome[] outcomes;
        private final BenchmarkListener listener;
        private volatile int batchIndex = -1;
        private volatile String failure;

        BatchEvents(List<BenchmarkRequest> requests, List<Integer> todo, int offset,
                    java.util.function.Supplier<Path> folder, BenchmarkOutcome[] outcomes, BenchmarkListener listener) {
            this.requests = requests;
            this.todo = todo;
            this.offset = offset;
            this.folder = folder;
            this.outcomes = outcomes;
            this.listener = listener;
        }

        /** The index (into the requests) of the request running now and not ended, else -1. */
        int running() {
            int i = requestIndex();
            return i >= 0 && outcomes[i] == null ? i : -1;
        }

        private int requestIndex() {
            int b = batchIndex - offset;
            return b >= 0 && b < todo.size() ? todo.get(b) : -1;
        }

        void onEvent(JsonNode e) {
            String type = e.path("e").asText();
            if (type.equals("next")) {
                batchIndex = e.get("i").asInt();
                failure = null;
                return;
            }
            int i = requestIndex();
            if (i < 0) {
                return; // the priming run: not reported
            }
            BenchmarkRequest request = requests.get(i);
            switch (type) {
                case "phase" -> listener.phaseStarted(request, Phase.valueOf(e.get("phase").asText()));
                case "run" -> listener.runFinished(request, Phase.valueOf(e.get("phase").asText()),
                        e.get("i").asInt(), e.get("ms").asDouble());
                case "failed" -> failure = e.get("message").asText();
                case "done" -> {
                    try {
                        BenchmarkResult result = ResultStore.read(
                                folder.get().resolve(BenchmarkWorker.batchResultName(batchIndex)));
                        outcomes[i] = done(new BenchmarkOutcome.Completed(request, result), listener);
                    } catch (IOException ex) {
                        outcomes[i] = failed(request, "its result could not be read: " + ex.getMessage(), listener);
                    }
                }
                case "end" -> outcomes[i] = failed(request, failure != null ? failure
                        : "the worker ended it without a result", listener);
                default -> {
                }
            }
        }
    }

    static String describeExit(int code, String failure, MemoryEstimate memory, Tail tail) {
        if (failure != null) {
            return failure;
        }
        String heap = "-Xmx" + memory.workerHeapBytes() / (1024 * 1024) + "m";
        if (code == BenchmarkWorker.EXIT_OOM || tail.contains("OutOfMemoryError")) {
            return "the worker ran out of memory (" + heap + ", exit code " + code + ")" + tail.describe();
        }
        if (code > 128) {
            return "the worker crashed: killed by signal " + (code - 128) + " (exit code " + code
                    + (code == 134 ? ", SIGABRT: a native library aborted" : code == 139
                    ? ", SIGSEGV: a native library crashed" : "") + ")" + tail.describe();
        }
        return "the worker exited with code " + code + " without a result" + tail.describe();
    }

    private static void onLine(String line, Consumer<JsonNode> events, AtomicReference<String> failure, Tail tail) {
        if (!line.startsWith(BenchmarkWorker.PREFIX)) {
            tail.add(line);
            return;
        }
        try {
            JsonNode e = EVENTS.readTree(line.substring(BenchmarkWorker.PREFIX.length()));
            switch (e.path("e").asText()) {
                case "failed" -> failure.set(e.get("message").asText());
                case "next" -> failure.set(null); // a batch worker's next request: an earlier failure is not this one's
                default -> {
                }
            }
            events.accept(e);
        } catch (IOException | RuntimeException ex) {
            tail.add(line);
        }
    }

    private static final ObjectMapper EVENTS = new ObjectMapper();

    static Thread pump(InputStream in, java.util.function.Consumer<String> sink, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the worker died: its exit code tells the story
            }
        }, "benchmark-worker-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Kills the worker and anything it started. */
    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static BenchmarkOutcome failed(BenchmarkRequest request, String message, BenchmarkListener listener) {
        listener.failed(request, message);
        return done(new BenchmarkOutcome.Failed(request, message), listener);
    }

    private static BenchmarkOutcome done(BenchmarkOutcome o, BenchmarkListener listener) {
        listener.configurationDone(o);
        return o;
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var s = Files.list(dir)) {
            for (Path f : s.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }

    /** The last lines a worker printed (stdout non-event lines and stderr), for failure messages. */
    static final class Tail {
        private final Deque<String> lines = new ArrayDeque<>();

        synchronized void add(String line) {
            if (line.isBlank()) {
                return;
            }
            lines.addLast(line.strip());
            while (lines.size() > TAIL_LINES) {
                lines.removeFirst();
            }
        }

        synchronized boolean contains(String s) {
            return lines.stream().anyMatch(l -> l.contains(s));
        }

        synchronized String describe() {
            return lines.isEmpty() ? "" : "; last output: " + String.join(" | ", lines);
        }
    }
}
