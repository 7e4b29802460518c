package org.mobilenetexplorer.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Writes a file so that readers see the old content or the complete new content, never a half-written file, and
 * never replaces what is not a regular file:
 * <ul>
 *   <li>a symbolic link is followed and its target is replaced (the link stays a link);</li>
 *   <li>a directory, FIFO, device or socket is refused with {@link UnsafeTargetException} (one line naming it);</li>
 *   <li>the parent directory must exist: it is never created (README, "Reliability");</li>
 *   <li>an existing file keeps its permissions (and, where allowed, its owner); a new file gets the process
 *       umask's permissions (usually 0644), as any other program's output would;</li>
 *   <li>the temporary file sits beside the target with a name of at most {@value #MAX_TEMP_NAME_BYTES} bytes
 *       whatever the target's name, and is deleted on failure and by a shutdown hook on SIGINT/SIGTERM.</li>
 * </ul>
 */
public final class AtomicFiles {
    /** Longest temporary file name (the usual file-system limit is 255 bytes). */
    public static final int MAX_TEMP_NAME_BYTES = 200;
    /** Target names longer than this (UTF-8 bytes) are shortened and hashed in the temporary name. */
    static final int MAX_KEPT_NAME_BYTES = 120;
    private static final int MAX_SYMLINKS = 40;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final LiveTemps LIVE = new LiveTemps();

    private AtomicFiles() {
    }

    /** Writes the content to an output stream; may fail part-way. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} to a temporary file in the real target's directory, forces it to disk, then moves it
     * over the target with {@link StandardCopyOption#ATOMIC_MOVE}. On any failure the temporary file is deleted and
     * the previous target (if any) is left untouched.
     *
     * @throws UnsafeTargetException the target (after following links) exists and is not a regular file, or its
     *                               directory does not exist
     */
    public static void write(Path target, Content content) throws IOException {
        Path real = resolveTarget(target);
        writeThenMove(real, posixAttributes(real), content, tmp -> {
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        });
    }

    /**
     * Creates {@code target} with {@code bytes}, never replacing anything: written to a temporary file beside it, then
     * renamed only if {@code target} does not exist ({@link FileAlreadyExistsException} otherwise, the temporary file
     * deleted). Readers see no file or the complete one. For imports, where an existing file is never overwritten.
     */
    public static void createNew(Path target, byte[] bytes) throws IOException {
        Path real = resolveTarget(target);
        if (Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        // no REPLACE_EXISTING: the move fails when the target appeared meanwhile
        writeThenMove(real, null, out -> out.write(bytes), tmp -> Files.move(tmp, real));
    }

    /** How the forced temporary file takes the target's place. */
    private interface Move {
        void into(Path tmp) throws IOException;
    }

    /**
     * The one write path of {@link #write} and {@link #createNew}: {@code content} into a temporary file in
     * {@code real}'s directory (with {@code attrs}' mode, or the umask's when null), forced to disk, then {@code move};
     * the directory is synced after the move, the temporary file deleted on any failure.
     */
    private static void writeThenMove(Path real, PosixFileAttributes attrs, Content content, Move move)
            throws IOException {
        Path dir = real.getParent();
        Path tmp = dir.resolve(tempName(real.getFileName().toString()));
        boolean moved = false;
        try {
            try (FileChannel ch = LIVE.create(tmp, attrs)) {
                OutputStream out = Channels.newOutputStream(ch);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            move.into(tmp);
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
            LIVE.forget(tmp);
        }
    }

    /** Writes bytes atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Checks, before any work, that {@link #write} could write {@code target}: its directory exists and takes a new
     * file (a probe file is created and deleted), and the target is absent or a regular file.
     */
    public static void checkWritable(Path target) throws IOException {
        Path real = resolveTarget(target);
        probe(real.getParent());
    }

    /**
     * Checks that {@code dir} is a directory this process can create files in. A missing {@code dir} is created
     * when its parent exists, or with all its parents when {@code createParents}; a path that exists but is not a
     * directory is refused.
     */
    public static void checkWritableDirectory(Path dir, boolean createParents) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new UnsafeTargetException(dir, "not a directory (" + kind(abs) + ")");
            }
        } else if (createParents) {
            Files.createDirectories(abs);
        } else {
            Path parent = abs.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new UnsafeTargetException(dir, "directory " + parent + " does not exist (create it first)");
            }
            try {
                Files.createDirectory(abs);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(abs)) {
                    throw new UnsafeTargetException(dir, "not a directory");
                }
            } catch (java.nio.file.NoSuchFileException e) { // the parent exists: "not found" would mislead (/proc)
                throw new UnsafeTargetException(dir, "cannot create a folder in " + parent
                        + " (the file system takes no new entries there)");
            }
        }
        probe(abs);
    }

    /** Creates and deletes a file in {@code dir}: fails as a real write would (permission, read-only, full). */
    private static void probe(Path dir) throws IOException {
        Path p = dir.resolve(tempName("probe"));
        try (FileChannel ch = LIVE.create(p, null)) {
            ch.force(false);
        } catch (java.nio.file.NoSuchFileException e) { // the folder exists: "not found" would mislead (/proc)
            throw new UnsafeTargetException(dir, "cannot create a file here (the file system takes no new entries)");
        } finally {
            Files.deleteIfExists(p);
            LIVE.forget(p);
        }
    }

    /**
     * The regular file a write to {@code target} replaces or creates: symbolic links followed (also a dangling
     * one, whose target is then created), the directory required to exist.
     */
    static Path resolveTarget(Path target) throws IOException {
        Path p = target.toAbsolutePath();
        for (int i = 0; i < MAX_SYMLINKS && Files.isSymbolicLink(p); i++) {
            Path link = Files.readSymbolicLink(p);
            p = p.getParent().resolve(link).toAbsolutePath();
        }
        if (Files.isSymbolicLink(p)) {
            throw new UnsafeTargetException(target, "too many levels of symbolic links");
        }
        Path parent = p.getParent();
        if (parent == null || p.getFileName() == null) {
            throw new UnsafeTargetException(target, "not a file path");
        }
        if (!Files.isDirectory(parent)) {
            throw new UnsafeTargetException(target, Files.exists(parent)
                    ? parent + " is not a directory" : "directory " + parent + " does not exist (create it first)");
        }
        Path real = parent.toRealPath().resolve(p.getFileName());
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return real;
        }
        if (!a.isRegularFile()) {
            throw new UnsafeTargetException(target, "not a regular file (" + kind(real)
                    + "): refusing to replace it");
        }
        return real;
    }

    /** "a directory", "a FIFO", "a character device", ... for messages. */
    public static String kind(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (a.isDirectory()) {
                return "a directory";
            }
            if (a.isRegularFile()) {
                return "a regular file";
            }
            if (a.isSymbolicLink()) {
                return "a symbolic link";
            }
            Object mode = Files.getAttribute(p, "unix:mode");
            if (mode instanceof Integer m) {
                switch (m & 0170000) {
                    case 0010000: return "a FIFO";
                    case 0020000: return "a character device";
                    case 0060000: return "a block device";
                    case 0140000: return "a socket";
                    default: break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // fall through
        }
        return "a special file";
    }

    /**
     * {@code .<name>.<16 hex>.tmp}, with a name over {@value #MAX_KEPT_NAME_BYTES} UTF-8 bytes cut at a character
     * boundary and followed by a hash of the whole name: never longer than {@value #MAX_TEMP_NAME_BYTES} bytes.
     */
    static String tempName(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        String kept = name;
        if (utf8.length > MAX_KEPT_NAME_BYTES) {
            CRC32 crc = new CRC32();
            crc.update(utf8);
            StringBuilder sb = new StringBuilder();
            int bytes = 0;
            for (int i = 0; i < name.length(); ) {
                int cp = name.codePointAt(i);
                int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + n > MAX_KEPT_NAME_BYTES - 10) {
                    break;
                }
                sb.appendCodePoint(cp);
                bytes += n;
                i += Character.charCount(cp);
            }
            kept = sb + "~" + String.format("%08x", crc.getValue());
        }
        byte[] rnd = new byte[8];
        RANDOM.nextBytes(rnd);
        return "." + kept + "." + HexFormat.of().formatHex(rnd) + ".tmp";
    }

    private static PosixFileAttributes posixAttributes(Path real) throws IOException {
        if (!Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        PosixFileAttributeView v = Files.getFileAttributeView(real, PosixFileAttributeView.class);
        return v == null ? null : v.readAttributes();
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not every platform can sync a directory; the rename itself is atomic
        }
    }

    /**
     * The temporary files being written, deleted by a shutdown hook (SIGINT, SIGTERM, System.exit) so an interrupted
     * write leaves nothing behind. Once the hook ran no new temporary file is created.
     */
    private static final class LiveTemps {
        private final Set<Path> live = new HashSet<>();
        private boolean hookInstalled;
        private boolean shuttingDown;

        synchronized FileChannel create(Path tmp, PosixFileAttributes like) throws IOException {
            if (shuttingDown) {
                throw new IOException(tmp.getParent() + ": not written: the program is shutting down");
            }
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(this::deleteAll, "atomic-files-cleanup"));
                hookInstalled = true;
            }
            Set<OpenOption> opts = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            FileChannel ch;
            if (like != null) {
                FileAttribute<Set<PosixFilePermission>> perms = PosixFilePermissions.asFileAttribute(like.permissions());
                ch = FileChannel.open(tmp, opts, perms);
                live.add(tmp);
                try {
                    // the umask may have removed bits the old file had: set them exactly
                    Files.setPosixFilePermissions(tmp, like.permissions());
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    throw e;
                }
                // keep owner and group where allowed
                try {
                    PosixFileAttributeView v = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
                    if (!v.readAttributes().owner().equals(like.owner())) {
                        v.setOwner(like.owner());
                    }
                    if (!v.readAttributes().group().equals(like.group())) {
                        v.setGroup(like.group());
                    }
                } catch (IOException | SecurityException e) {
                    // only root may give a file away: it then belongs to whoever wrote it, as with any editor
                }
            } else {
                ch = FileChannel.open(tmp, opts); // mode 0666 minus the umask, like any new file
                live.add(tmp);
            }
            return ch;
        }

        synchronized void forget(Path tmp) {
            live.remove(tmp);
        }

        synchronized void deleteAll() {
            shuttingDown = true;
            for (Path p : live) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort at exit
                }
            }
            live.clear();
        }
    }
}
