package org.mobilenetexplorer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.mobilenetexplorer.io.AtomicFiles;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Precision;

/**
 * Main class of {@code verify}'s worker JVM: {@code VerifyWorker REQUEST.json RESULT.json}. The request is a
 * {@link BenchmarkRequest} (configuration, backend; the protocol carries batch, threads, seeds and backend options
 * with the precision); the worker runs the backend, then the plain-Java reference, and writes the verdict as JSON
 * ({@code {"verdict": ...}} or {@code {"quantized": ...}}). A backend error is a {@code failed} event and exit code
 * {@value BenchmarkWorker#EXIT_FAILED}; exit codes as {@link BenchmarkWorker}'s.
 */
public final class VerifyWorker {
    private VerifyWorker() {
    }

    public static void main(String[] args) {
        System.setOut(System.err); // the parent reads only the result file and failed events
        if (args.length != 2) {
            System.err.println("usage: VerifyWorker REQUEST.json RESULT.json");
            System.exit(BenchmarkWorker.EXIT_USAGE);
        }
        if (Boolean.getBoolean(BenchmarkWorker.WATCH_STDIN_PROPERTY)) {
            BenchmarkWorker.watchParent(Path.of(args[0]).toAbsolutePath().getParent());
        }
        ObjectMapper json = ResultJson.compactMapper();
        try {
            BenchmarkRequest request = json.readValue(Path.of(args[0]).toFile(), BenchmarkRequest.class);
            ObjectNode result = json.createObjectNode();
            try {
                result.set(ForkedVerifier.resultField(request), json.valueToTree(verify(request)));
            } catch (BackendException | RuntimeException e) { // the backend's own error, reported as its failure
                String message = e.getMessage() == null ? e.getClass().getSimpleName()
                        : e instanceof BackendException ? e.getMessage()
                        : e.getClass().getSimpleName() + ": " + e.getMessage();
                ObjectNode event = json.createObjectNode().put("e", "failed").put("message", message);
                System.err.flush();
                java.io.PrintStream events = new java.io.PrintStream(new java.io.FileOutputStream(
                        java.io.FileDescriptor.out), true, java.nio.charset.StandardCharsets.UTF_8);
                events.println(BenchmarkWorker.PREFIX + event);
                System.exit(BenchmarkWorker.EXIT_FAILED);
            }
            AtomicFiles.write(Path.of(args[1]), json.writeValueAsBytes(result));
            System.exit(0);
        } catch (OutOfMemoryError e) {
            Runtime.getRuntime().halt(BenchmarkWorker.EXIT_OOM);
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            System.exit(BenchmarkWorker.EXIT_USAGE);
        }
    }

    /** The verdict of the request's backend in the request's precision. */
    static Object verify(BenchmarkRequest request) throws BackendException {
        ProtocolSettings p = request.protocol();
        BackendVerifier verifier = new BackendVerifier(ArchitectureSpec.of(request.config()), p.weightSeed(),
                p.inputSeed(), p.batch());
        InferenceBackend backend = Backends.byId(request.backend());
        Precision precision = Precisions.of(request);
        BackendOptions options = new BackendOptions(p.threads(), Precisions.with(p.backendOptions(), Precision.FP32));
        return switch (precision) {
            case FP32 -> verifier.check(backend, options);
            case INT8 -> verifier.checkQuantized(backend, options, precision);
        };
    }
}
