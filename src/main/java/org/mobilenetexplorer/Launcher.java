package org.mobilenetexplorer;

import org.mobilenetexplorer.cli.MainCommand;

/**
 * Entry point for {@code java -jar mobilenet-explorer.jar [command] [options]}: no command opens the GUI,
 * anything else is the command line. Not an {@code Application} subclass, so the shaded jar starts on the
 * class path without the JavaFX launcher check.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.mobilenetexplorer.ui.app.ExplorerApp.launchApp(args);
            return;
        }
        System.exit(MainCommand.run(args));
    }
}
