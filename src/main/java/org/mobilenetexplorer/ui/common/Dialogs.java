package org.mobilenetexplorer.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What view-models ask of the user: files to open or save and error messages. The app shows real choosers and
 * alerts ({@link FxDialogs}); tests inject chosen paths but keep the real alerts.
 */
public interface Dialogs {

    /** Asks for a file to open; {@code extension} like {@code json}. */
    Optional<Path> chooseOpen(String title, Path folder, String description, String extension);

    /** Asks for a file to write. */
    Optional<Path> chooseSave(String title, Path folder, String initialName, String description, String extension);

    /** Asks for a folder, starting in {@code initial} when it exists. */
    Optional<Path> chooseFolder(String title, Path initial);

    /** Shows an error without blocking the caller; the app goes on. */
    void error(String title, String message);
}
