package org.mobilenetexplorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mobilenetexplorer.bench.ResultStore;
import picocli.CommandLine.Option;

/** {@code --results DIR}: where {@code bench} and {@code sweep} save results (a picocli {@code @Mixin}). */
public final class ResultsOption {

    @Option(names = "--results", paramLabel = "DIR",
            description = "Results directory, one JSON file per result. Default: ~/.mobilenet-explorer/results (or -D"
                    + ResultStore.DIRECTORY_PROPERTY + ", $" + ResultStore.DIRECTORY_ENV + ").")
    Path results;

    /** The directory given, or the default; a path that is a file is an {@link OptionValueException}. */
    Path directory() {
        return directory("--results", results);
    }

    /** {@code given} (from {@code option}) or the default directory, checked. */
    static Path directory(String option, Path given) {
        Path dir = given != null ? given : ResultStore.defaultDirectory();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new OptionValueException(option, dir, "is a file (give a directory)");
        }
        return dir;
    }
}
