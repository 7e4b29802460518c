package org.mobilenetexplorer.ui.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TreeTableView;

/**
 * {@code -Dmne.startupTrace=true}: prints on stderr how long after the process started the window showed its first
 * frame with the layer table filled ({@code mne.startupTrace first-frame-ms=1234}), then each phase of the start
 * path that led there, with the wall-clock time and the CPU time the whole process had used by then (on a busy
 * machine the CPU time still says where the work went). With {@code -Dmne.startupTrace.exit=true} the app then
 * quits, so {@code scripts/startup-time.sh} can launch it again and again; with
 * {@code -Dmne.startupTrace.exit=views} it quits once the other views have been built too (after the first frame),
 * so the CDS training run ({@code scripts/make-cds-archive.sh}) sees their classes. Off by default: nothing is
 * recorded or printed.
 */
final class StartupTrace {
    static final String PROPERTY = "mne.startupTrace";
    static final String EXIT_PROPERTY = PROPERTY + ".exit";
    static final String PREFIX = "mne.startupTrace ";
    /** The app's main method starts (printed at once). */
    static final String MAIN = "main";
    /** The first-frame mark (its line is what {@code scripts/startup-time.sh} reads). */
    static final String FIRST_FRAME = "first-frame";
    /** Every tab's view built (after the first frame). */
    static final String VIEWS_BUILT = "views-built";

    /** One phase's end: name, wall ms and process CPU ms since the process started. */
    private record Mark(String event, long wallMs, long cpuMs) {
    }

    private static final List<Mark> MARKS = new ArrayList<>();

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

    /** CPU milliseconds the process has used so far (every thread: JIT compilers and GC too); -1 when unknown. */
    static long processCpuMs() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /**
     * Records the end of a phase. The phases are printed together after the first frame (printing as they happen
     * would slow the start it measures); {@value #MAIN}, {@value #FIRST_FRAME} and {@value #VIEWS_BUILT} print at
     * once.
     */
    static void mark(String event) {
        if (!enabled()) {
            return;
        }
        Mark m = new Mark(event, sinceProcessStart(), processCpuMs());
        synchronized (MARKS) {
            MARKS.add(m);
        }
        if (event.equals(MAIN)) {
            // at once: scripts/startup-time.sh tells a jar with the trace from an older one by this line
            System.err.println(PREFIX + MAIN + "-ms=" + m.wallMs());
        } else if (event.equals(FIRST_FRAME)) {
            System.err.println(PREFIX + FIRST_FRAME + "-ms=" + m.wallMs());
            printPhases();
        } else if (event.equals(VIEWS_BUILT)) {
            System.err.println(PREFIX + VIEWS_BUILT + "-ms=" + m.wallMs() + " cpu-ms=" + m.cpuMs());
        }
    }

    /** One line per phase: when it ended and how long it took, wall clock and process CPU. */
    private static void printPhases() {
        List<Mark> marks;
        synchronized (MARKS) {
            marks = List.copyOf(MARKS);
        }
        StringBuilder b = new StringBuilder(PREFIX).append("phases (ms since the process started; wall, then the"
                + " process's CPU time summed over its threads):\n");
        b.append(String.format(java.util.Locale.ROOT, "%s  %-26s %8s %8s %8s %8s%n", PREFIX, "phase ends", "wall",
                "+wall", "cpu", "+cpu"));
        long lastWall = 0;
        long lastCpu = 0;
        for (Mark m : marks) {
            b.append(String.format(java.util.Locale.ROOT, "%s  %-26s %8d %8d %8d %8d%n", PREFIX, m.event(),
                    m.wallMs(), m.wallMs() - lastWall, m.cpuMs(), m.cpuMs() - lastCpu));
            lastWall = m.wallMs();
            lastCpu = m.cpuMs();
        }
        System.err.print(b);
    }

    /** Whether {@code -Dmne.startupTrace.exit} asks to quit after {@code event}. */
    static boolean exitAfter(String event) {
        String exit = System.getProperty(EXIT_PROPERTY, "false");
        return switch (event) {
            case FIRST_FRAME -> exit.equals("true");
            case VIEWS_BUILT -> exit.equals("views");
            default -> false;
        };
    }

    /** Quits the app if {@code -Dmne.startupTrace.exit} asks to quit after {@code event}. */
    static void exitIfAsked(String event) {
        if (enabled() && exitAfter(event)) {
            // System.exit too: a worker thread must not keep the JVM alive (the CDS archive is written when the
            // JVM exits)
            Platform.runLater(() -> {
                Platform.exit();
                System.exit(0);
            });
        }
    }

    /**
     * After the first layout pulse in which the stage shows {@code #layer-table} with rows, marks
     * {@value #FIRST_FRAME} (and quits with {@code mne.startupTrace.exit=true}).
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
                mark(FIRST_FRAME);
                exitIfAsked(FIRST_FRAME);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
