package org.mobilenetexplorer.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * The one way the tool reads a file the user gave it (presets, accuracy files, result files): regular files only
 * (checked with {@code stat} before opening, so a FIFO or device never blocks the reader), a size cap checked before
 * reading and again while reading (a growing file), strict UTF-8 with an optional byte-order mark. Every refusal is a
 * {@link UserFileException} whose reason reads the same for every kind of file: {@code not found},
 * {@code permission denied}, {@code not a regular file (a FIFO)}, {@code too large: 12.3 MB (the limit for presets is
 * 4 MB)}, {@code not UTF-8: byte 0xE9 at offset 17 (line 2)}.
 */
public final class UserFiles {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private UserFiles() {
    }

    /**
     * The bytes of {@code file}, at most {@code maxBytes}.
     *
     * @param what what the file is, for the size message ("presets", "accuracy files", "result files")
     */
    public static byte[] read(Path file, long maxBytes, String what) throws UserFileException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class); // stat: never opens, never blocks
        } catch (IOException e) {
            throw new UserFileException(file, reason(e));
        }
        if (!a.isRegularFile()) {
            throw new UserFileException(file, "not a regular file (" + AtomicFiles.kind(file) + ")");
        }
        if (a.size() > maxBytes) {
            throw tooLarge(file, a.size(), maxBytes, what);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(file, bytes.length, maxBytes, what);
            }
            return bytes;
        } catch (UserFileException e) {
            throw e;
        } catch (IOException e) {
            throw new UserFileException(file, reason(e));
        }
    }

    /** The text of {@code file} (UTF-8, a leading byte-order mark dropped), at most {@code maxBytes} bytes. */
    public static String readUtf8(Path file, long maxBytes, String what) throws UserFileException {
        return decodeUtf8(read(file, maxBytes, what), file);
    }

    /**
     * Strict UTF-8 decoding: a leading byte-order mark is dropped; a malformed byte fails with its offset and line.
     *
     * @param file names the file in the message
     */
    public static String decodeUtf8(byte[] bytes, Path file) throws UserFileException {
        int start = startsWithBom(bytes) ? BOM.length : 0;
        CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
        decode(bytes, start, out, file);
        out.flip();
        return out.toString();
    }

    /** Fails like {@link #decodeUtf8} when {@code bytes} are not UTF-8, without building the text. */
    public static void checkUtf8(byte[] bytes, Path file) throws UserFileException {
        decode(bytes, startsWithBom(bytes) ? BOM.length : 0, null, file);
    }

    private static void decode(byte[] bytes, int start, CharBuffer target, Path file) throws UserFileException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = target != null ? target : CharBuffer.allocate(8192);
        CoderResult r;
        while (true) {
            r = dec.decode(in, out, true);
            if (r.isOverflow() && target == null) {
                out.clear();
                continue;
            }
            break;
        }
        if (!r.isError()) {
            r = dec.flush(out);
        }
        if (r.isError()) {
            int off = in.position();
            int line = 1;
            for (int i = 0; i < off; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new UserFileException(file, String.format(Locale.ROOT,
                    "not UTF-8: byte 0x%02X at offset %d (line %d); save the file as UTF-8", bytes[off] & 0xFF, off,
                    line));
        }
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && b[0] == BOM[0] && b[1] == BOM[1] && b[2] == BOM[2];
    }

    private static UserFileException tooLarge(Path file, long size, long max, String what) {
        return new UserFileException(file, "too large: " + size(size) + " (the limit for " + what + " is "
                + size(max) + ")");
    }

    /** {@code 1.5 MB}, {@code 300 bytes}. */
    public static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /**
     * One line saying why an I/O operation failed, without the path: {@code not found}, {@code permission denied},
     * {@code No space left on device}, {@code Read-only file system}, ...
     */
    public static String reason(IOException e) {
        if (e instanceof UserFileException u) {
            return u.reason();
        }
        if (e instanceof UnsafeTargetException u) {
            return u.reason();
        }
        if (e instanceof NoSuchFileException) {
            return "not found";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
