package org.mobilenetexplorer.ui.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.mobilenetexplorer.bench.BenchmarkEngine;
import org.mobilenetexplorer.ui.common.FxTaskExecutor;
import org.mobilenetexplorer.ui.common.MemorySettings;
import org.mobilenetexplorer.ui.common.TaskExecutor;

/**
 * {@code java -cp target/test-classes:target/classes:... org.mobilenetexplorer.ui.app.ScreenshotMain DIR}: opens
 * the real app (wired by {@link ExplorerApp#show}), visits every view and saves one PNG per view into DIR, then
 * exits (see {@code scripts/screenshots.sh}). It never reads or writes the user's preferences or results: settings
 * in memory, a fresh results folder, the real forked engine. Not an Application subclass, so it starts from the
 * class path.
 */
public final class ScreenshotMain {
    private ScreenshotMain() {
    }

    public static void main(String[] args) {
        Application.launch(Tour.class, args.length > 0 ? args[0] : "screenshots");
    }

    /** The app with the screenshot tour. */
    public static final class Tour extends Application {
        private TaskExecutor executor;

        @Override
        public void start(Stage stage) {
            Path dir = Path.of(getParameters().getRaw().get(0));
            Path results;
            try {
                results = Files.createTempDirectory("mobilenet-explorer-screenshots");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            executor = new FxTaskExecutor();
            MemorySettings settings = new MemorySettings();
            // -Dmne.screenshots.size=1920x1080: the window's size (default: the app's 1280 x 800)
            String size = System.getProperty("mne.screenshots.size", "");
            if (size.matches("\\d+x\\d+")) {
                settings.put("window.w", size.substring(0, size.indexOf('x')));
                settings.put("window.h", size.substring(size.indexOf('x') + 1));
            }
            ExplorerWindow window = ExplorerApp.show(stage, settings, executor, null, results,
                    BenchmarkEngine.forked());
            ExplorerApp.reportUncaughtErrors(window.main());
            new ScreenshotTour(stage, window, dir).start();
        }

        @Override
        public void stop() {
            executor.shutdown();
        }
    }
}
