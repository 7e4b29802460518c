package org.mobilenetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output guarantees of README "Reliability": each test failed before AtomicFiles learnt them. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSymlinkIsFollowedAndItsTargetReplaced() throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));
        AtomicFiles.write(link, "new".getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("new", Files.readString(real));
        // a dangling link: its target is created
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), Path.of("created.json"));
        AtomicFiles.write(dangling, "x".getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("x", Files.readString(dir.resolve("created.json")));
    }

    @Test
    void aFifoOrDirectoryIsRefusedAndLeftAlone() throws Exception {
        Path fifo = dir.resolve("pipe.onnx");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0, "mkfifo available");
        UnsafeTargetException e = assertThrows(UnsafeTargetException.class,
                () -> AtomicFiles.write(fifo, new byte[] {1}));
        assertEquals(fifo + ": not a regular file (a FIFO): refusing to replace it", e.getMessage());
        assertEquals("a FIFO", AtomicFiles.kind(fifo));
        assertFalse(Files.isRegularFile(fifo));
        Path sub = Files.createDirectory(dir.resolve("sub"));
        e = assertThrows(UnsafeTargetException.class, () -> AtomicFiles.write(sub, new byte[] {1}));
        assertEquals(sub + ": not a regular file (a directory): refusing to replace it", e.getMessage());
        // a link to a FIFO is refused the same way
        Path link = Files.createSymbolicLink(dir.resolve("link"), fifo);
        assertThrows(UnsafeTargetException.class, () -> AtomicFiles.write(link, new byte[] {1}));
        assertEquals(List.of("link", "pipe.onnx", "sub"), names(), "no temporary file left");
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws Exception {
        for (String mode : List.of("rw-r--r--", "rw-rw-r--", "rw-------", "r--r--r--")) {
            Path f = Files.writeString(dir.resolve(mode + ".csv"), "old");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
            AtomicFiles.write(f, "new".getBytes(StandardCharsets.UTF_8));
            assertEquals(mode, perms(f));
            assertEquals("new", Files.readString(f));
        }
    }

    @Test
    void aNewFileGetsTheUmasksPermissionsLikeAnyOtherProgramsOutput() throws Exception {
        Path reference = Files.createFile(dir.resolve("reference")); // 0666 minus the umask
        assumeTrue(!perms(reference).equals("rw-------"), "a umask that lets group or others read");
        Path f = dir.resolve("new.png");
        AtomicFiles.write(f, new byte[] {1, 2, 3});
        assertEquals(perms(reference), perms(f));
    }

    @Test
    void aTargetNameAtTheFileSystemLimitStillGetsATemporaryFile() throws Exception {
        String name = "é".repeat(125) + ".json"; // 250 + 5 = 255 bytes: the longest name ext4 allows
        assertEquals(255, name.getBytes(StandardCharsets.UTF_8).length);
        Path f = dir.resolve(name);
        AtomicFiles.write(f, "ok".getBytes(StandardCharsets.UTF_8));
        assertEquals("ok", Files.readString(f));
        assertTrue(AtomicFiles.tempName(name).getBytes(StandardCharsets.UTF_8).length
                <= AtomicFiles.MAX_TEMP_NAME_BYTES);
        assertEquals(List.of(name), names());
    }

    @Test
    void aMissingDirectoryIsRefusedNotCreated() {
        Path f = dir.resolve("typo").resolve("deeper").resolve("out.onnx");
        UnsafeTargetException e = assertThrows(UnsafeTargetException.class,
                () -> AtomicFiles.write(f, new byte[] {1}));
        assertEquals(f + ": directory " + f.getParent() + " does not exist (create it first)", e.getMessage());
        assertFalse(Files.exists(dir.resolve("typo")));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path f = Files.writeString(dir.resolve("keep.json"), "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(1);
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("keep.json"), names());
    }

    /**
     * SIGINT, or SIGTERM when this JVM was started with SIGINT ignored (Maven run with {@code &} from a script: the
     * child inherits it and a JVM keeps an ignored SIGINT ignored, so the child would never see it); the JVM runs the
     * same shutdown hooks for both.
     */
    static String interruptSignal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                    return (ignored & 0x2) != 0 ? "-TERM" : "-INT"; // bit 1: signal 2, SIGINT
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc (macOS): SIGINT
        }
        return "-INT";
    }

    @Test
    void sigintDuringAWriteLeavesNoTemporaryFile() throws Exception {
        Path f = Files.writeString(dir.resolve("model.onnx"), "old");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AtomicWriteInterruptedMain.class.getName(),
                f.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("writing", r.readLine());
            assertEquals(2, names().size(), "the temporary file exists while writing: " + names());
            assertEquals(0, new ProcessBuilder("kill", interruptSignal(), Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the interrupted JVM exits");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of("model.onnx"), names());
        assertEquals("old", Files.readString(f));
    }

    @Test
    void checkWritableRefusesBeforeAnyWork() throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), "x");
        AtomicFiles.checkWritable(dir.resolve("new.json"));
        AtomicFiles.checkWritable(file);
        assertEquals(List.of("a.json"), names(), "the probe leaves nothing");
        assertThrows(UnsafeTargetException.class, () -> AtomicFiles.checkWritable(dir.resolve("no/x.json")));
        assertThrows(UnsafeTargetException.class, () -> AtomicFiles.checkWritable(dir));
        // a file system that refuses new files even to root
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.checkWritable(sys.resolve("x.json")));
        assertEquals("permission denied", UserFiles.reason(e));
    }

    /** /proc answers a new folder with ENOENT: said as "not found" before, as if the folder should exist. */
    @Test
    void aFolderTheFileSystemWillNotCreateIsNotCalledNotFound() {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc.resolve("self")));
        UnsafeTargetException e = assertThrows(UnsafeTargetException.class,
                () -> AtomicFiles.checkWritableDirectory(proc.resolve("mnx-results"), false));
        assertEquals("cannot create a folder in /proc (the file system takes no new entries there)",
                UserFiles.reason(e));
        UnsafeTargetException f = assertThrows(UnsafeTargetException.class,
                () -> AtomicFiles.checkWritable(proc.resolve("m.onnx")));
        assertEquals("cannot create a file here (the file system takes no new entries)", UserFiles.reason(f));
    }

    @Test
    void checkWritableDirectoryCreatesTheNamedFolderButNotItsParents() throws Exception {
        Path results = dir.resolve("results");
        AtomicFiles.checkWritableDirectory(results, false);
        assertTrue(Files.isDirectory(results));
        UnsafeTargetException e = assertThrows(UnsafeTargetException.class,
                () -> AtomicFiles.checkWritableDirectory(dir.resolve("a/b"), false));
        assertEquals(dir.resolve("a/b") + ": directory " + dir.resolve("a") + " does not exist (create it first)",
                e.getMessage());
        AtomicFiles.checkWritableDirectory(dir.resolve("c/d"), true);
        assertTrue(Files.isDirectory(dir.resolve("c/d")));
        Path file = Files.writeString(dir.resolve("file"), "x");
        e = assertThrows(UnsafeTargetException.class, () -> AtomicFiles.checkWritableDirectory(file, false));
        assertEquals(file + ": not a directory (a regular file)", e.getMessage());
    }
}
