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
 */
public final class Launcher {
    /** Exit code when the GUI cannot open (as for bad input). */
    public static final int EXIT_NO_DISPLAY = 2;
    static final String NO_DISPLAY = "no display: set DISPLAY or use a command, see --help";

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Optional<String> refusal = noDisplay(System.getenv(), System.getProperties());
            if (refusal.isPresent()) {
                System.err.println(refusal.get());
                System.exit(EXIT_NO_DISPLAY);
            }
            org.mobilenetexplorer.ui.app.ExplorerApp.launchApp(args);
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

    private static boolean isSet(String s) {
        return s != null && !s.isBlank();
    }
}
