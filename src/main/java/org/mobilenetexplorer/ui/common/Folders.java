package org.mobilenetexplorer.ui.common;

import java.nio.file.Files;
import java.nio.file.Path;

/** The folder last used for each purpose ({@code presets}, {@code exports}, ...), remembered in {@link Settings}. */
public final class Folders {
    static final String KEY = "folder.";
    private final Settings settings;
    private final Path fallback;

    /** @param fallback the folder offered before one was used (the working directory in the app) */
    public Folders(Settings settings, Path fallback) {
        this.settings = settings;
        this.fallback = fallback;
    }

    /** The folder last used for {@code purpose} while it still exists, else the fallback. */
    public Path last(String purpose) {
        return settings.get(KEY + purpose).map(Path::of).filter(Files::isDirectory).orElse(fallback);
    }

    /** Remembers the folder of {@code file} for {@code purpose}. */
    public void remember(String purpose, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            settings.put(KEY + purpose, dir.toString());
        }
    }
}
