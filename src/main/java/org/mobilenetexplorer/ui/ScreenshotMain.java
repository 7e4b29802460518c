package org.mobilenetexplorer.ui;

/**
 * {@code java -cp ... org.mobilenetexplorer.ui.ScreenshotMain DIR}: opens the real app, visits every view and
 * saves one PNG per view into DIR (see {@code scripts/screenshots.sh}). Not an Application subclass, so it
 * starts from the class path.
 */
public final class ScreenshotMain {
    private ScreenshotMain() {
    }

    public static void main(String[] args) {
        String dir = args.length > 0 ? args[0] : "screenshots";
        ExplorerApp.launchApp(new String[] {"--screenshots", dir});
    }
}
