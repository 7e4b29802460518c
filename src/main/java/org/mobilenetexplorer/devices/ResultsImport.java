package org.mobilenetexplorer.devices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.Device;
import org.mobilenetexplorer.bench.ResultStore;
import org.mobilenetexplorer.io.AtomicFiles;
import org.mobilenetexplorer.io.UserFileException;
import org.mobilenetexplorer.io.UserFiles;
import org.mobilenetexplorer.predict.DeviceProfile;
import org.mobilenetexplorer.predict.DeviceProfiles;
import org.mobilenetexplorer.predict.ProfileException;

/**
 * Merges another machine's results folder (a directory, or a ZIP of one) into this results folder:
 * <ul>
 *   <li>every {@code *.json} is recognised by its content: a device profile (its {@code format} field) or a benchmark
 *       result; each is validated as the loaders validate it (ResultStore, DeviceProfiles) and written unchanged, so
 *       its environment record (the device it was measured on) is kept;</li>
 *   <li>a result goes to {@code <results>/<id>.json}; a profile to {@code <results>/device-profiles/imported/}
 *       under a name with its device, so another machine's profile never takes the place of this machine's own
 *       ({@code device-profiles/<backend>-<precision>.json}, which {@code predict} uses);</li>
 *   <li>duplicates (the same result id with the same content, the same profile content; also twice in one import)
 *       are skipped with a message; a different result under an id already present is refused, never overwritten
 *       ({@link AtomicFiles#createNew});</li>
 *   <li>corrupt, foreign or oversized files are reported by name with the loader's reason and skipped;</li>
 *   <li>a ZIP is read within bounds: at most {@value #MAX_ENTRIES} entries, {@link #MAX_ENTRY_BYTES} per entry and
 *       {@link #MAX_TOTAL_BYTES} in all, uncompressed and counted while inflating (a declared size is not trusted);
 *       entries with an absolute path, a drive letter, a backslash or a {@code ..} segment ("zip slip") are refused
 *       by name and never read. No entry name ever becomes a path: targets come from the validated content.</li>
 * </ul>
 */
public final class ResultsImport {
    /** Most files read from one directory or archive. */
    public static final int MAX_ENTRIES = 10_000;
    /** Largest file (uncompressed archive entry) read: the result loader's limit. */
    public static final long MAX_ENTRY_BYTES = ResultStore.MAX_FILE_BYTES;
    /** Most bytes read in all (uncompressed): a ZIP bomb stops here. */
    public static final long MAX_TOTAL_BYTES = 512_000_000L;
    /** Largest archive file opened. */
    public static final long MAX_ARCHIVE_BYTES = 512_000_000L;
    /** How deep a source directory is searched (a results folder and its device-profiles/imported). */
    static final int MAX_DEPTH = 4;
    /** The subfolder of {@link DeviceProfiles#FOLDER} that holds other machines' profiles. */
    public static final String IMPORTED = "imported";

    /** What happened to one file. */
    public enum Outcome { IMPORTED, DUPLICATE, SKIPPED }

    /**
     * One file of the source.
     *
     * @param name    its name in the source (relative path, or {@code archive.zip:entry})
     * @param outcome what happened
     * @param detail  where it went, what it duplicates, or why it was skipped
     */
    public record Item(String name, Outcome outcome, String detail) {
        /** {@code imported x.json as y.json}, {@code duplicate x.json: ...}, {@code skipped x.json: ...}. */
        @Override
        public String toString() {
            return switch (outcome) {
                case IMPORTED -> "imported " + name + " (" + detail + ")";
                case DUPLICATE -> "duplicate " + name + ": " + detail + " (skipped)";
                case SKIPPED -> "skipped " + name + ": " + detail;
            };
        }
    }

    /**
     * What an import did.
     *
     * @param items every file considered, in source order
     */
    public record Report(List<Item> items) {
        public Report {
            items = List.copyOf(items);
        }

        public long count(Outcome o) {
            return items.stream().filter(i -> i.outcome() == o).count();
        }

        /** {@code 12 imported, 3 duplicates skipped, 1 file skipped}. */
        public String summary() {
            long skipped = count(Outcome.SKIPPED);
            long dup = count(Outcome.DUPLICATE);
            return count(Outcome.IMPORTED) + " imported, " + dup + (dup == 1 ? " duplicate" : " duplicates")
                    + " skipped, " + skipped + (skipped == 1 ? " file" : " files") + " skipped";
        }
    }

    /** A whole import refused before anything was written: one line naming the source and the reason. */
    public static final class ImportException extends Exception {
        private static final long serialVersionUID = 1L;

        public ImportException(String message) {
            super(message);
        }
    }

    /**
     * The bounds of one import (tests use small ones).
     *
     * @param maxEntries    most files read
     * @param maxEntryBytes largest file or uncompressed entry
     * @param maxTotalBytes most bytes read in all
     */
    record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        static final Limits DEFAULT = new Limits(MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES);
    }

    private final Path resultsDir;
    private final Limits limits;
    private final Map<String, BenchmarkResult> resultsById = new HashMap<>();
    private final Map<String, String> resultFileById = new HashMap<>();
    private final Map<DeviceProfile, String> profiles = new HashMap<>();
    private final List<Item> items = new ArrayList<>();
    private long totalBytes;

    private ResultsImport(Path resultsDir, Limits limits) {
        this.resultsDir = resultsDir;
        this.limits = limits;
    }

    /**
     * Imports {@code source} (a directory or a {@code .zip}) into {@code resultsDir} (created when its parent exists).
     *
     * @throws ImportException the source cannot be read at all, or the results folder cannot be written (nothing was
     *                         written); per-file problems are items of the report instead
     */
    public static Report run(Path source, Path resultsDir) throws ImportException {
        return run(source, resultsDir, Limits.DEFAULT);
    }

    static Report run(Path source, Path resultsDir, Limits limits) throws ImportException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(resultsDir, "resultsDir");
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(source, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new ImportException(source + ": " + UserFiles.reason(e));
        }
        if (a.isDirectory() && sameFile(source, resultsDir)) {
            throw new ImportException(source + ": this is the results folder itself: nothing to import");
        }
        if (!a.isDirectory() && !(a.isRegularFile() && source.getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(".zip"))) {
            throw new ImportException(source + ": not a directory or a .zip file ("
                    + (a.isRegularFile() ? "a regular file" : AtomicFiles.kind(source)) + ")");
        }
        try {
            new ResultStore(resultsDir).checkWritable();
        } catch (IOException e) {
            throw new ImportException("results folder " + resultsDir + ": " + UserFiles.reason(e));
        }
        ResultsImport imp = new ResultsImport(resultsDir, limits);
        imp.loadExisting();
        if (a.isDirectory()) {
            imp.fromDirectory(source);
        } else {
            imp.fromZip(source, a.size());
        }
        return new Report(imp.items);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** What is already there: results by id, profiles by content. */
    private void loadExisting() {
        for (BenchmarkResult r : ResultStore.loadAll(resultsDir).results()) {
            resultsById.put(r.id(), r);
            resultFileById.put(r.id(), ResultStore.fileName(r));
        }
        Path folder = resultsDir.resolve(DeviceProfiles.FOLDER);
        for (Path dir : List.of(folder, folder.resolve(IMPORTED))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                    try {
                        profiles.put(DeviceProfiles.parse(f, UserFiles.read(f, MAX_ENTRY_BYTES, "device profiles")),
                                resultsDir.relativize(f).toString());
                    } catch (ProfileException | UserFileException | RuntimeException e) {
                        // a broken profile of our own is not a duplicate of anything; predict reports it
                    }
                }
            } catch (IOException e) {
                // unreadable folder: nothing known there
            }
        }
    }

    private void fromDirectory(Path source) throws ImportException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source, MAX_DEPTH)) { // symbolic links to folders are not followed
            files = walk.filter(p -> !p.equals(source)).filter(p -> isJsonName(source.relativize(p).toString()))
                    .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .limit(limits.maxEntries() + 1L).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ImportException(source + ": cannot list: " + e.getMessage());
        }
        if (files.size() > limits.maxEntries()) {
            throw new ImportException(source + ": more than " + limits.maxEntries()
                    + " .json files: not a results folder");
        }
        for (Path f : files) {
            String name = source.relativize(f).toString();
            byte[] bytes;
            try {
                bytes = UserFiles.read(f, limits.maxEntryBytes(), "result files");
            } catch (UserFileException e) {
                items.add(new Item(name, Outcome.SKIPPED, e.reason()));
                continue;
            }
            if (!budget(bytes.length, source)) {
                return;
            }
            accept(name, f, bytes);
        }
    }

    private void fromZip(Path source, long size) throws ImportException {
        if (size > MAX_ARCHIVE_BYTES) {
            throw new ImportException(source + ": too large: " + UserFiles.size(size) + " (the limit for archives is "
                    + UserFiles.size(MAX_ARCHIVE_BYTES) + ")");
        }
        try (ZipFile zip = new ZipFile(source.toFile(), StandardCharsets.UTF_8)) {
            if (zip.size() > limits.maxEntries()) {
                throw new ImportException(source + ": " + zip.size() + " entries (the limit is " + limits.maxEntries()
                        + "): not imported");
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String raw = e.getName();
                String shown = source.getFileName() + ":" + printable(raw);
                String unsafe = unsafeName(raw);
                if (unsafe != null) {
                    items.add(new Item(shown, Outcome.SKIPPED, unsafe));
                    continue;
                }
                if (e.isDirectory() || !isJsonName(raw)) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readNBytes((int) Math.min(limits.maxEntryBytes() + 1,
                            Math.max(0, limits.maxTotalBytes() - totalBytes) + 1));
                } catch (IOException | RuntimeException ex) {
                    items.add(new Item(shown, Outcome.SKIPPED, "cannot read the entry: " + oneLine(ex)));
                    continue;
                }
                if (bytes.length > limits.maxEntryBytes()) {
                    items.add(new Item(shown, Outcome.SKIPPED, "too large: over " + UserFiles.size(limits.maxEntryBytes())
                            + " uncompressed (the limit for result files)"));
                    totalBytes += bytes.length;
                    continue;
                }
                if (!budget(bytes.length, source)) {
                    return;
                }
                accept(shown, Path.of(source.getFileName() + "!" + sanitizedLeaf(raw)), bytes);
            }
        } catch (ZipException e) {
            throw new ImportException(source + ": not a readable ZIP archive: " + oneLine(e));
        } catch (IOException e) {
            throw new ImportException(source + ": " + UserFiles.reason(e));
        }
    }

    /** Counts {@code n} bytes; false (with an item saying so) once the whole import went over its bound. */
    private boolean budget(long n, Path source) {
        totalBytes += n;
        if (totalBytes > limits.maxTotalBytes()) {
            items.add(new Item(source.getFileName().toString(), Outcome.SKIPPED, "stopped: more than "
                    + UserFiles.size(limits.maxTotalBytes()) + " uncompressed in all; the files before were imported, the"
                    + " rest was not read"));
            return false;
        }
        return true;
    }

    /** Why an archive entry name is refused (absolute, drive letter, backslash, ".." segment), or null when safe. */
    static String unsafeName(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            return "unsafe path in the archive (empty or NUL): not read";
        }
        if (name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")) {
            return "unsafe path in the archive (absolute, drive letter or backslash; zip slip): not read";
        }
        for (String seg : name.split("/")) {
            if (seg.equals("..")) {
                return "unsafe path in the archive ('..' leaves the folder; zip slip): not read";
            }
        }
        return null;
    }

    /** A {@code .json} file that is not hidden (no segment starting with "." and no __MACOSX resource fork). */
    private static boolean isJsonName(String relative) {
        String n = relative.replace('\\', '/');
        if (!n.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return false;
        }
        for (String seg : n.split("/")) {
            if (seg.startsWith(".") || seg.equals("__MACOSX")) {
                return false;
            }
        }
        return true;
    }

    private static String sanitizedLeaf(String name) {
        String leaf = name.substring(name.lastIndexOf('/') + 1);
        return leaf.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Control characters of a name from an archive shown as '?' (a message is one line). */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(300).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** Validates one file and writes it, or records why not. {@code file} names it in loader messages. */
    private void accept(String name, Path file, byte[] bytes) {
        if (new String(bytes, StandardCharsets.UTF_8).contains("\"" + DeviceProfile.FORMAT + "\"")) {
            acceptProfile(name, file, bytes);
        } else {
            acceptResult(name, file, bytes);
        }
    }

    private void acceptResult(String name, Path file, byte[] bytes) {
        BenchmarkResult r;
        try {
            UserFiles.checkUtf8(bytes, file);
            r = ResultStore.parse(file, bytes);
        } catch (UserFileException e) { // a ResultFileException too
            items.add(new Item(name, Outcome.SKIPPED, e.reason()));
            return;
        } catch (RuntimeException e) {
            items.add(new Item(name, Outcome.SKIPPED, "unexpected content: " + oneLine(e)));
            return;
        }
        BenchmarkResult old = resultsById.get(r.id());
        String target = ResultStore.fileName(r);
        if (old != null) {
            if (old.equals(r)) {
                items.add(new Item(name, Outcome.DUPLICATE, "the same result (id " + r.id() + ") is already in "
                        + resultFileById.get(r.id())));
            } else {
                items.add(new Item(name, Outcome.SKIPPED, "a different result with id " + r.id() + " is already in "
                        + resultFileById.get(r.id()) + ": not overwritten"));
            }
            return;
        }
        try {
            AtomicFiles.createNew(resultsDir.resolve(target), bytes);
        } catch (FileAlreadyExistsException e) {
            // written since this import listed the folder (another import at the same time) or not a readable result
            BenchmarkResult there = null;
            try {
                there = ResultStore.read(resultsDir.resolve(target));
            } catch (UserFileException | RuntimeException unreadable) {
                // stays null: said below
            }
            if (there != null && there.equals(r)) {
                items.add(new Item(name, Outcome.DUPLICATE, "the same result (id " + r.id() + ") is already in "
                        + target));
            } else if (there != null) {
                items.add(new Item(name, Outcome.SKIPPED, "a different result with id " + there.id()
                        + " is already in " + target + ": not overwritten"));
            } else {
                items.add(new Item(name, Outcome.SKIPPED, target + " already exists in the results folder (not a"
                        + " readable result): not overwritten"));
            }
            return;
        } catch (IOException e) {
            items.add(new Item(name, Outcome.SKIPPED, "cannot write " + target + ": " + UserFiles.reason(e)));
            return;
        }
        resultsById.put(r.id(), r);
        resultFileById.put(r.id(), target);
        items.add(new Item(name, Outcome.IMPORTED, "result " + r.label() + " measured on " + Device.of(r).label()
                + ", as " + target));
    }

    private void acceptProfile(String name, Path file, byte[] bytes) {
        DeviceProfile p;
        try {
            UserFiles.checkUtf8(bytes, file);
            p = DeviceProfiles.parse(file, bytes);
        } catch (UserFileException e) {
            items.add(new Item(name, Outcome.SKIPPED, e.reason()));
            return;
        } catch (ProfileException e) {
            String m = e.getMessage();
            String prefix = file + ": ";
            items.add(new Item(name, Outcome.SKIPPED, m.startsWith(prefix) ? m.substring(prefix.length()) : m));
            return;
        } catch (RuntimeException e) {
            items.add(new Item(name, Outcome.SKIPPED, "unexpected content: " + oneLine(e)));
            return;
        }
        String same = profiles.get(p);
        if (same != null) {
            items.add(new Item(name, Outcome.DUPLICATE, "the same device profile is already in " + same));
            return;
        }
        Path dir = resultsDir.resolve(DeviceProfiles.FOLDER).resolve(IMPORTED);
        String stem = profileStem(p);
        try {
            Files.createDirectories(dir);
            for (int n = 1; ; n++) {
                String fileName = stem + (n == 1 ? "" : "-" + n) + ".json";
                try {
                    AtomicFiles.createNew(dir.resolve(fileName), bytes);
                    String rel = DeviceProfiles.FOLDER + "/" + IMPORTED + "/" + fileName;
                    profiles.put(p, rel);
                    items.add(new Item(name, Outcome.IMPORTED, "device profile " + p.backend() + " " + p.precision()
                            + " of " + Device.of(p.environment()).label() + ", as " + rel));
                    return;
                } catch (FileAlreadyExistsException e) {
                    if (n >= 100) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            items.add(new Item(name, Outcome.SKIPPED, "cannot write into " + dir + ": " + UserFiles.reason(e)));
        }
    }

    /** {@code onnxruntime-fp32-amd-epyc-9r45-20261130t101500z}: backend, precision, device, calibration time. */
    static String profileStem(DeviceProfile p) {
        String device = Device.of(p.environment()).cpu().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        if (device.length() > 60) {
            device = device.substring(0, 60);
        }
        String created = p.created().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (created.length() > 20) {
            created = created.substring(0, 20);
        }
        return (p.backend() + "-" + p.precision() + "-" + device + "-" + created).replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
