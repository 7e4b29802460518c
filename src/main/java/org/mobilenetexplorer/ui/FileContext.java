package org.mobilenetexplorer.ui;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a view-model that reads or writes files needs from the window: the dialogs, the remembered folders and
 * the status line.
 *
 * @param dialogs    choosers and error alerts
 * @param lastFolder the folder last used for a purpose ({@code exports}, {@code presets}, ...)
 * @param remember   remembers the folder of a file for a purpose
 * @param status     shows one line in the status bar
 */
public record FileContext(Dialogs dialogs, Function<String, Path> lastFolder, BiConsumer<String, Path> remember,
                          Consumer<String> status) {

    /** The context of the main window's view-model. */
    public static FileContext of(MainViewModel vm) {
        return new FileContext(vm.dialogs(), vm::lastFolder, vm::rememberFolder, vm::reportStatus);
    }
}
