package org.mobilenetexplorer.cli;

import org.mobilenetexplorer.bench.BenchmarkRequest;
import org.mobilenetexplorer.bench.BenchmarkRunner;
import org.mobilenetexplorer.bench.CancellationToken;
import org.mobilenetexplorer.bench.ForkedRunner;
import org.mobilenetexplorer.bench.ForkedVerifier;
import org.mobilenetexplorer.bench.InProcessRunner;
import org.mobilenetexplorer.bench.VerifyOutcome;

/**
 * How the commands that run backends ({@code bench}, {@code sweep}, {@code calibrate}, {@code predict --validate},
 * {@code verify}) run them: worker JVMs, or this JVM with {@code --in-process}. Given to {@link MainCommand}, so a
 * test (the command-line fuzzer) can check everything a command does up to the run without running a network.
 */
public interface Workers {

    /** The runner of {@code bench}, {@code sweep}, {@code calibrate} and {@code predict --validate}. */
    BenchmarkRunner runner(boolean inProcess);

    /** {@code verify}'s check of one backend. */
    VerifyOutcome verify(BenchmarkRequest request, boolean inProcess, CancellationToken cancel);

    /** Worker JVMs ({@link ForkedRunner}, {@link ForkedVerifier}), or this JVM. */
    Workers REAL = new Workers() {
        @Override
        public BenchmarkRunner runner(boolean inProcess) {
            return inProcess ? new InProcessRunner() : new ForkedRunner();
        }

        @Override
        public VerifyOutcome verify(BenchmarkRequest request, boolean inProcess, CancellationToken cancel) {
            return inProcess ? ForkedVerifier.inProcess(request) : new ForkedVerifier().verify(request, cancel);
        }
    };

    /** The workers of {@code main} (the real ones for a command used on its own). */
    static Workers of(MainCommand main) {
        return main == null ? REAL : main.workers;
    }
}
