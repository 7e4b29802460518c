package org.mobilenetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the commands create get the permissions of the user's umask, like any other program's output: 0644 under
 * umask 022, 0600 under 077 (they were once always 0600). The commands run in a child JVM started by a shell that
 * sets the umask, as a user's shell would.
 */
class UmaskTest {
    @TempDir
    Path dir;

    private void run(String umask, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder cmd = new StringBuilder("umask " + umask + " && exec \"$0\" -Xmx512m -cp \"$1\""
                + " org.mobilenetexplorer.Launcher");
        for (String a : args) {
            cmd.append(" '").append(a).append("'");
        }
        Process p = new ProcessBuilder("sh", "-c", cmd.toString(), java, System.getProperty("java.class.path"))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(true, p.waitFor(5, TimeUnit.MINUTES), "finished");
        assertEquals(0, p.exitValue(), out);
    }

    private static String perms(Path f) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
    }

    @Test
    void onnxAndChartExportsFollowTheUmask() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "a POSIX file system");
        for (String umask : List.of("022", "077")) {
            String expected = umask.equals("022") ? "rw-r--r--" : "rw-------";
            Path onnx = dir.resolve(umask + ".onnx");
            run(umask, "export-onnx", "--alpha", "0.25", "--resolution", "32", "--out", onnx.toString());
            assertEquals(expected, perms(onnx), "ONNX under umask " + umask);
            for (String ext : List.of("png", "svg", "csv")) {
                Path chart = dir.resolve(umask + "-chart." + ext);
                run(umask, "chart", "--type", "shares", "--alpha", "0.5", "--out", chart.toString());
                assertEquals(expected, perms(chart), ext + " under umask " + umask);
            }
        }
    }
}
