package org.mobilenetexplorer;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.mobilenetexplorer.cli.MainCommand;

/**
 * Entry point for {@code java -jar mobilenet-explorer.jar [command] [options]}: no command opens the GUI,
 * anything else is the command line. Not an {@code Application} subclass, so the shaded jar starts on the
 * class path without the JavaFX launcher check. Without a display (Linux without {@code DISPLAY} or
 * {@code WAYLAND_DISPLAY}, and not the headless Monocle platform) the GUI is not started: one line, exit code 2.
 * A display that is named but cannot be opened ({@code DISPLAY=:77} with no X server there) ends the same way, with
 * the value named, instead of JavaFX's stack trace.
 */
public final class Launcher {
    /** Exit code when the GUI cannot open (as for bad input). */
    public static final int EXIT_NO_DISPLAY = 2;
    static final String NO_DISPLAY = "no display: set DISPLAY or use a command, see --help";
    /** Kept so the logger (and its level) is not collected before JavaFX logs. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Optional<String> refusal = noDisplay(System.getenv(), System.getProperties());
            if (refusal.isPresent()) {
                System.err.println(refusal.get());
                System.exit(EXIT_NO_DISPLAY);
            }
            // JavaFX warns on every class-path start ("Unsupported JavaFX configuration"): not the user's concern
            JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
            try {
                org.mobilenetexplorer.ui.app.ExplorerApp.launchApp(args);
            } catch (RuntimeException e) {
                Optional<String> cannot = cannotOpen(e, System.getenv());
                if (cannot.isEmpty()) {
                    throw e;
                }
                System.err.println(cannot.get());
                System.exit(EXIT_NO_DISPLAY);
            }
            return;
        }
        System.exit(MainCommand.run(args));
    }

    /** The one-line refusal when no window can open here, else empty. */
    static Optional<String> noDisplay(Map<String, String> env, Properties props) {
        boolean linux = props.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean monocle = "Monocle".equalsIgnoreCase(props.getProperty("glass.platform", ""));
        if (!linux || monocle) {
            return Optional.empty();
        }
        if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of(NO_DISPLAY);
    }

    /**
     * The one-line refusal when JavaFX could not open the display that is named ({@code Unable to open DISPLAY}),
     * else empty (any other failure is not ours to rename).
     */
    static Optional<String> cannotOpen(Throwable failure, Map<String, String> env) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Unable to open DISPLAY")) {
                String display = env.get("DISPLAY");
                return Optional.of("no display: cannot open DISPLAY="
                        + org.mobilenetexplorer.report.TerminalText.escape(display == null ? "" : display)
                        + " (is an X server running there?) set DISPLAY or use a command, see --help");
            }
        }
        return Optional.empty();
    }

    private static boolean isSet(String s) {
        return s != null && !s.isBlank();
    }
}
