package org.mobilenetexplorer.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Main class of the forked benchmark JVM: {@code BenchmarkWorker REQUEST.json RESULT.json}. Runs one benchmark in
 * process and reports to its parent over stdout, one event per line prefixed {@value #PREFIX} (other stdout lines,
 * e.g. from native libraries, are not events). Run events are batched and flushed at most every
 * {@value #FLUSH_INTERVAL_MS} ms so the parent does not wake up (and compete for cores) after every run.
 *
 * <p>Orphans: with {@code -D}{@value #WATCH_STDIN_PROPERTY}{@code =true} (the {@link ForkedRunner} sets it) a daemon
 * thread reads the worker's stdin, a pipe the parent holds open and never writes: when the parent dies, even by
 * SIGKILL, the pipe closes, the worker deletes the parent's temporary folder (the request file's folder, when named
 * {@code mnx-bench-*}) and exits at once with {@value #EXIT_ORPHANED}.
 *
 * <p>Batch mode, {@code BenchmarkWorker --batch REQUESTS.json FOLDER} ({@link ForkedRunner#runAll}): runs a JSON
 * array of requests one after the other in this one JVM, each with its own fresh network and session, announcing
 * each with a {@code next} event ({@code i}: its index), writing each completed result to
 * {@code FOLDER/}{@link #batchResultName(int)} and ending each with {@code done} or, after a {@code failed} event,
 * {@code end}; a failed request does not stop the batch. Exit code 0 when the batch ran to its end.
 *
 * <p>Exit codes: 0 result written; {@value #EXIT_FAILED} backend failure (a {@code failed} event says why);
 * {@value #EXIT_USAGE} bad arguments; {@value #EXIT_OOM} out of memory; {@value #EXIT_ORPHANED} the parent died.
 * Anything else is a crash.
 */
public final class BenchmarkWorker {
    public static final String PREFIX = "@@mnx ";
    public static final long FLUSH_INTERVAL_MS = 100;
    public static final int EXIT_FAILED = 3;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_OOM = 5;
    public static final int EXIT_ORPHANED = 6;
    /** First argument of batch mode. */
    static final String BATCH = "--batch";
    /** System property: watch stdin and exit when the parent is gone. */
    public static final String WATCH_STDIN_PROPERTY = "mobilenet.explorer.worker.watchParent";
    /** Prefix of the parent's temporary folder ({@link ForkedRunner}). */
    static final String TEMP_PREFIX = "mnx-bench-";

    private BenchmarkWorker() {
    }

    public static void main(String[] args) {
        PrintStream events = new PrintStream(new BufferedOutputStream(
                new FileOutputStream(FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
        System.setOut(System.err); // stray prints from libraries cannot be mistaken for events
        boolean batch = args.length == 3 && BATCH.equals(args[0]);
        if (args.length != 2 && !batch) {
            System.err.println("usage: BenchmarkWorker REQUEST.json RESULT.json | --batch REQUESTS.json FOLDER");
            System.exit(EXIT_USAGE);
        }
        if (batch) {
            runBatch(Path.of(args[1]), Path.of(args[2]), events);
            return;
        }
        if (Boolean.getBoolean(WATCH_STDIN_PROPERTY)) {
            watchParent(Path.of(args[0]).toAbsolutePath().getParent());
        }
        ObjectMapper json = ResultJson.compactMapper();
        try {
            BenchmarkRequest request = json.readValue(Path.of(args[0]).toFile(), BenchmarkRequest.class);
            EventWriter writer = new EventWriter(events, json);
            BenchmarkOutcome outcome = new InProcessRunner(new BenchmarkProtocol(), Backends::byId, false)
                    .run(request, writer, new CancellationToken());
            writer.flush();
            if (outcome instanceof BenchmarkOutcome.Completed c) {
                ResultStore.write(c.result(), Path.of(args[1]));
                writer.emit(writer.event("done"));
                writer.flush();
                System.exit(0);
            }
            System.exit(EXIT_FAILED);
        } catch (OutOfMemoryError e) {
            Runtime.getRuntime().halt(EXIT_OOM);
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            System.exit(EXIT_USAGE);
        }
    }

    /** Runs the requests of {@code requestsFile} one after the other (batch mode, see the class comment) and exits. */
    private static void runBatch(Path requestsFile, Path folder, PrintStream events) {
        if (Boolean.getBoolean(WATCH_STDIN_PROPERTY)) {
            watchParent(requestsFile.toAbsolutePath().getParent());
        }
        ObjectMapper json = ResultJson.compactMapper();
        try {
            List<BenchmarkRequest> requests = json.readValue(requestsFile.toFile(),
                    new TypeReference<List<BenchmarkRequest>>() { });
            EventWriter writer = new EventWriter(events, json);
            InProcessRunner runner = new InProcessRunner(new BenchmarkProtocol(), Backends::byId, false);
            for (int i = 0; i < requests.size(); i++) {
                writer.emit(writer.event("next").put("i", i));
                writer.flush();
                BenchmarkOutcome outcome = runner.run(requests.get(i), writer, new CancellationToken());
                writer.flush();
                if (outcome instanceof BenchmarkOutcome.Completed c) {
                    ResultStore.write(c.result(), folder.resolve(batchResultName(i)));
                    writer.emit(writer.event("done").put("i", i));
                } else {
                    writer.emit(writer.event("end").put("i", i));
                }
                writer.flush();
            }
            System.exit(0);
        } catch (OutOfMemoryError e) {
            Runtime.getRuntime().halt(EXIT_OOM);
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            System.exit(EXIT_USAGE);
        }
    }

    /** The file name of the result of request {@code index} of a batch. */
    static String batchResultName(int index) {
        return "result-" + index + ".json";
    }

    /** Exits (after deleting the parent's temporary folder) as soon as stdin closes: the parent is gone. */
    static void watchParent(Path tempDir) {
        Thread t = new Thread(() -> {
            try {
                byte[] buf = new byte[256];
                while (System.in.read(buf) >= 0) {
                    // the parent never writes; anything read is ignored
                }
            } catch (java.io.IOException e) {
                // a broken pipe means the same: the parent is gone
            }
            deleteTempDir(tempDir);
            Runtime.getRuntime().halt(EXIT_ORPHANED);
        }, "parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void deleteTempDir(Path dir) {
        if (dir == null || dir.getFileName() == null || !dir.getFileName().toString().startsWith(TEMP_PREFIX)) {
            return;
        }
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path f : files.toList()) {
                java.nio.file.Files.deleteIfExists(f);
            }
            java.nio.file.Files.deleteIfExists(dir);
        } catch (java.io.IOException | RuntimeException e) {
            // best effort: the folder is in the system's temporary directory
        }
    }

    /** Forwards listener events to the parent, batching run events. */
    static final class EventWriter implements BenchmarkListener {
        private final PrintStream out;
        private final ObjectMapper json;
        private long lastFlush = System.nanoTime();

        EventWriter(PrintStream out, ObjectMapper json) {
            this.out = out;
            this.json = json;
        }

        ObjectNode event(String type) {
            return json.createObjectNode().put("e", type);
        }

        void emit(ObjectNode node) {
            out.print(PREFIX);
            out.println(node.toString());
        }

        void flush() {
            out.flush();
            lastFlush = System.nanoTime();
        }

        @Override
        public void phaseStarted(BenchmarkRequest request, Phase phase) {
            emit(event("phase").put("phase", phase.name()));
            flush();
        }

        @Override
        public void runFinished(BenchmarkRequest request, Phase phase, int index, double millis) {
            emit(event("run").put("phase", phase.name()).put("i", index).put("ms", millis));
            if (System.nanoTime() - lastFlush >= FLUSH_INTERVAL_MS * 1_000_000L) {
                flush();
            }
        }

        @Override
        public void failed(BenchmarkRequest request, String message) {
            emit(event("failed").put("message", message));
            flush();
        }
    }
}
