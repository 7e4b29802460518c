package org.mobilenetexplorer.ui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;

/** {@link Dialogs} with JavaFX file choosers and alerts, owned by the main window. */
public class FxDialogs implements Dialogs {
    /** The id of every error alert's dialog pane (tests look it up). */
    public static final String ERROR_DIALOG_ID = "error-dialog";

    private final Supplier<Window> owner;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseOpen(String title, Path folder, String description, String extension) {
        FileChooser fc = chooser(title, folder, description, extension);
        File f = fc.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(String title, Path folder, String initialName, String description,
                                     String extension) {
        FileChooser fc = chooser(title, folder, description, extension);
        fc.setInitialFileName(initialName);
        File f = fc.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initial) {
        javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
        dc.setTitle(title);
        if (initial != null && Files.isDirectory(initial)) {
            dc.setInitialDirectory(initial.toFile());
        }
        return Optional.ofNullable(dc.showDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(String title, Path folder, String description, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
        if (folder != null && Files.isDirectory(folder)) {
            fc.setInitialDirectory(folder.toFile());
        }
        return fc;
    }

    @Override
    public void error(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.initOwner(owner.get());
        alert.initModality(Modality.WINDOW_MODAL);
        alert.getDialogPane().setId(ERROR_DIALOG_ID);
        alert.getDialogPane().setMinWidth(520);
        alert.show();
    }
}
