package org.mobilenetexplorer.ui.common;

import java.nio.file.Path;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The most recently opened or saved files, newest first, at most {@link #MAX}, remembered in {@link Settings}. */
public final class RecentFiles {
    public static final int MAX = 8;
    static final String KEY = "recent.";
    private final Settings settings;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    public RecentFiles(Settings settings) {
        this.settings = settings;
        for (int i = 0; i < MAX; i++) {
            settings.get(KEY + i).map(Path::of).ifPresent(files::add);
        }
    }

    /** Puts {@code file} first (once) and drops the oldest beyond {@link #MAX}. */
    public void add(Path file) {
        Path abs = file.toAbsolutePath();
        files.remove(abs);
        files.add(0, abs);
        while (files.size() > MAX) {
            files.remove(files.size() - 1);
        }
        for (int i = 0; i < MAX; i++) {
            if (i < files.size()) {
                settings.put(KEY + i, files.get(i).toString());
            } else {
                settings.remove(KEY + i);
            }
        }
    }

    public ObservableList<Path> files() {
        return files;
    }
}
