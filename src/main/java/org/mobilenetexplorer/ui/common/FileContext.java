package org.mobilenetexplorer.ui.common;

import java.util.function.Consumer;

/**
 * What a view-model that reads or writes files needs from the window: the dialogs, the remembered folders and
 * the status line.
 *
 * @param dialogs choosers and error alerts
 * @param folders the folder last used for each purpose
 * @param status  shows one line in the status bar
 */
public record FileContext(Dialogs dialogs, Folders folders, Consumer<String> status) {
}
