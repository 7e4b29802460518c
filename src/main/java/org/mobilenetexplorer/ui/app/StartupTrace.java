package org.mobilenetexplorer.ui.app;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TreeTableView;

/**
 * {@code -Dmne.startupTrace=true}: prints on stderr how long after the process started the window showed its first
 * frame with the layer table filled ({@code mne.startupTrace first-frame-ms=1234}); with
 * {@code -Dmne.startupTrace.exit=true} the app then quits, so {@code scripts/startup-time.sh} can launch it again
 * and again. Off by default: nothing is loaded or printed.
 */
final class StartupTrace {
    static final String PROPERTY = "mne.startupTrace";
    static final String PREFIX = "mne.startupTrace ";

    private StartupTrace() {
    }

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Milliseconds since the JVM's process started (the OS's start time, so JVM boot counts too). */
    static long sinceProcessStart() {
        Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return Duration.between(start, Instant.now()).toMillis();
    }

    /** Prints one line: {@code mne.startupTrace EVENT-ms=N}. */
    static void mark(String event) {
        if (enabled()) {
            System.err.println(PREFIX + event + "-ms=" + sinceProcessStart());
        }
    }

    /**
     * After the first layout pulse in which the stage shows {@code #layer-table} with rows, marks
     * {@code first-frame} (and quits with {@code mne.startupTrace.exit}).
     */
    static void watchFirstFrame(Scene scene) {
        if (!enabled()) {
            return;
        }
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (scene.getWindow() != null && scene.getWindow().isShowing()
                    && scene.lookup("#layer-table") instanceof TreeTableView<?> t && t.getRoot() != null
                    && !t.getRoot().getChildren().isEmpty() && t.getScene() == scene) {
                scene.removePostLayoutPulseListener(listener[0]);
                mark("first-frame");
                if (Boolean.getBoolean(PROPERTY + ".exit")) {
                    // System.exit too: a worker thread must not keep the JVM alive (the CDS archive is written
                    // when the JVM exits)
                    Platform.runLater(() -> {
                        Platform.exit();
                        System.exit(0);
                    });
                }
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
