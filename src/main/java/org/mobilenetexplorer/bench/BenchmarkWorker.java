package org.mobilenetexplorer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Main class of the forked benchmark JVM: {@code BenchmarkWorker REQUEST.json RESULT.json}. Runs one benchmark in
 * process and reports to its parent over stdout, one event per line prefixed {@value #PREFIX} (other stdout lines,
 * e.g. from native libraries, are not events). Run events are batched and flushed at most every
 * {@value #FLUSH_INTERVAL_MS} ms so the parent does not wake up (and compete for cores) after every run.
 *
 * <p>Exit codes: 0 result written; {@value #EXIT_FAILED} backend failure (a {@code failed} event says why);
 * {@value #EXIT_USAGE} bad arguments; {@value #EXIT_OOM} out of memory. Anything else is a crash.
 */
public final class BenchmarkWorker {
    public static final String PREFIX = "@@mnx ";
    public static final long FLUSH_INTERVAL_MS = 100;
    public static final int EXIT_FAILED = 3;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_OOM = 5;

    private BenchmarkWorker() {
    }

    public static void main(String[] args) {
        PrintStream events = new PrintStream(new BufferedOutputStream(
                new FileOutputStream(FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
        System.setOut(System.err); // stray prints from libraries cannot be mistaken for events
        if (args.length != 2) {
            System.err.println("usage: BenchmarkWorker REQUEST.json RESULT.json");
            System.exit(EXIT_USAGE);
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
