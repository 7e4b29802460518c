package org.mobilenetexplorer.ui.app;

import java.nio.file.Path;
import java.util.Optional;
import org.mobilenetexplorer.ui.common.FxDialogs;

/** Real error alerts, but files chosen by the test instead of a native chooser. */
final class TestDialogs extends FxDialogs {
    volatile Path open;
    volatile Path save;
    volatile Path folder;

    TestDialogs(java.util.function.Supplier<javafx.stage.Window> owner) {
        super(owner);
    }

    @Override
    public Optional<Path> chooseOpen(String title, Path folder, String description, String extension) {
        return Optional.ofNullable(open);
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initial) {
        return Optional.ofNullable(folder);
    }

    @Override
    public Optional<Path> chooseSave(String title, Path folder, String initialName, String description,
                                     String extension) {
        return Optional.ofNullable(save);
    }
}
