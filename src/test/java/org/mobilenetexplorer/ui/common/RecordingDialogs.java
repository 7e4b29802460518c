package org.mobilenetexplorer.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link Dialogs} for view-model tests: chosen paths set by the test, errors recorded instead of shown. */
public final class RecordingDialogs implements Dialogs {
    public Path open;
    public Path save;
    public Path folder;
    public final List<String> errors = new ArrayList<>();

    @Override
    public Optional<Path> chooseOpen(String title, Path folder, String description, String extension) {
        return Optional.ofNullable(open);
    }

    @Override
    public Optional<Path> chooseSave(String title, Path folder, String initialName, String description,
                                     String extension) {
        return Optional.ofNullable(save);
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initial) {
        return Optional.ofNullable(folder);
    }

    @Override
    public void error(String title, String message) {
        errors.add(title + ": " + message);
    }

    /** A file context with these dialogs, folders in {@code settings} and the status lines in {@code status}. */
    public FileContext context(Settings settings, Path fallback, List<String> status) {
        return new FileContext(this, new Folders(settings, fallback), status::add);
    }
}
