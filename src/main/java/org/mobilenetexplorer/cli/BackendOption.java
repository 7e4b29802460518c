package org.mobilenetexplorer.cli;

import picocli.CommandLine.Option;

/**
 * {@code --backend ID}: the one backend of {@code bench}, {@code calibrate} and {@code predict} (a picocli
 * {@code @Mixin}); {@code sweep} and {@code verify} take several.
 */
public final class BackendOption {

    @Option(names = "--backend", paramLabel = "ID", defaultValue = "onnxruntime",
            description = "onnxruntime or dl4j. Default: ${DEFAULT-VALUE}.")
    String backend;

    /** The backend given (trimmed), checked by {@link BackendIds#one}: an {@link OptionValueException} otherwise. */
    String id() {
        return BackendIds.one("--backend", backend);
    }
}
