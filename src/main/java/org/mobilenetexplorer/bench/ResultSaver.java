package org.mobilenetexplorer.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Saves each completed result the moment it completes, so a cancelled or crashed sweep keeps every finished
 * result: the one place where the command line ({@code bench}, {@code sweep}) and the GUI save results. Add it to
 * the listeners of a run ({@link BenchmarkListener#composite}). A file that cannot be written is reported to
 * {@code problems} as one line ("0.5-160 on onnxruntime: result not saved to DIR: reason") and the run goes on.
 * Called on the benchmark's thread; {@link #saved()} may be read from any thread.
 */
public final class ResultSaver implements BenchmarkListener {
    private final ResultStore store;
    private final Consumer<String> problems;
    private final List<Path> saved = new ArrayList<>();

    public ResultSaver(ResultStore store, Consumer<String> problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    public void configurationDone(BenchmarkOutcome outcome) {
        if (outcome instanceof BenchmarkOutcome.Completed c) {
            try {
                Path file = store.save(c.result());
                synchronized (saved) {
                    saved.add(file);
                }
            } catch (IOException e) {
                problems.accept(c.request().label() + ": result not saved to " + store.directory() + ": "
                        + e.getMessage());
            }
        }
    }

    /** The files saved so far, in order. */
    public List<Path> saved() {
        synchronized (saved) {
            return List.copyOf(saved);
        }
    }
}
