package org.mobilenetexplorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LauncherTest {

    private static Properties props(String os, String glass) {
        Properties p = new Properties();
        p.setProperty("os.name", os);
        if (glass != null) {
            p.setProperty("glass.platform", glass);
        }
        return p;
    }

    @Test
    void refusesOnlyWhenNoWindowCanOpen() {
        assertEquals(Optional.of(Launcher.NO_DISPLAY), Launcher.noDisplay(Map.of(), props("Linux", null)));
        assertEquals(Optional.of(Launcher.NO_DISPLAY), Launcher.noDisplay(Map.of("DISPLAY", " "), props("Linux", null)));
        assertEquals(Optional.empty(), Launcher.noDisplay(Map.of("DISPLAY", ":99"), props("Linux", null)));
        assertEquals(Optional.empty(), Launcher.noDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), props("Linux", null)));
        assertEquals(Optional.empty(), Launcher.noDisplay(Map.of(), props("Linux", "Monocle")));
        assertEquals(Optional.empty(), Launcher.noDisplay(Map.of(), props("Mac OS X", null)));
        assertEquals(Optional.empty(), Launcher.noDisplay(Map.of(), props("Windows 11", null)));
    }

    /** Issue 12 item 9: before, the JavaFX launcher failed with a stack trace ("Unable to open DISPLAY"). */
    @Test
    void withoutADisplayTheGuiPrintsOneLineAndExitsTwo() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        if (System.getProperty("os.name").toLowerCase().contains("linux")) {
            assertEquals(2, p.exitValue(), out);
            assertEquals(Launcher.NO_DISPLAY, out.strip());
        }
    }

    /** Where X servers put their local sockets, by the X11 protocol's convention on every Unix. */
    private static final Path X11_SOCKETS = Path.of("/tmp/.X11-unix");

    /** A display that is named but has no X server: before, JavaFX's "Unable to open DISPLAY" stack trace, exit 1. */
    @Test
    void aDisplayThatCannotBeOpenedIsOneLineNamingItAndExitTwo() throws Exception {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            return;
        }
        // display N's local socket is X11_SOCKETS/XN: the X11 protocol fixes that folder (it is not java.io.tmpdir)
        int free = 77;
        while (java.nio.file.Files.exists(X11_SOCKETS.resolve("X" + free))) {
            free++;
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.prefs.userRoot=" + java.nio.file.Files.createTempDirectory("mnx-prefs"),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName());
        pb.environment().put("DISPLAY", ":" + free);
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        assertEquals(1, out.strip().lines().count(), out);
        assertTrue(out.startsWith("no display: cannot open DISPLAY=:" + free + " "), out);
    }

    @Test
    void onlyTheDisplayFailureIsRenamed() {
        RuntimeException wrapped = new RuntimeException("launch failed",
                new UnsupportedOperationException("Unable to open DISPLAY"));
        assertEquals(Optional.of("no display: cannot open DISPLAY=:5\\x1b (is an X server running there?) set DISPLAY"
                + " or use a command, see --help"), Launcher.cannotOpen(wrapped, Map.of("DISPLAY", ":5\u001b")));
        assertEquals(Optional.empty(), Launcher.cannotOpen(new IllegalStateException("other"), Map.of()));
    }
}
