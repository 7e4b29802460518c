package org.mobilenetexplorer.bench;

import org.mobilenetexplorer.io.AtomicFiles;
import org.mobilenetexplorer.io.JsonErrors;
import org.mobilenetexplorer.io.JsonLimits;
import org.mobilenetexplorer.io.UserFileException;
import org.mobilenetexplorer.io.UserFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Benchmark results on disk: one JSON file per run, {@code <id>.json}, written atomically. Loading validates
 * each file and skips (with file name and reason) anything corrupted, foreign or of an unknown schema version;
 * older versions are upgraded on load ({@link ResultSchema}).
 */
public final class ResultStore {
    /** System property that overrides {@link #defaultDirectory()}. */
    public static final String DIRECTORY_PROPERTY = "mobilenet.explorer.results";
    /** Environment variable that overrides {@link #defaultDirectory()} (after the system property). */
    public static final String DIRECTORY_ENV = "MOBILENET_EXPLORER_RESULTS";

    /**
     * Largest result file read (64 MB: about two million raw samples); a larger file is named and skipped, so a
     * stray huge file never exhausts the heap of the command that lists the folder.
     */
    public static final long MAX_FILE_BYTES = 64_000_000;

    private static final ObjectMapper MAPPER = JsonLimits.apply(ResultJson.mapper())
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Path directory;

    public ResultStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** A store in {@link #defaultDirectory()}. */
    public static ResultStore atDefault() {
        return new ResultStore(defaultDirectory());
    }

    /**
     * {@code ~/.mobilenet-explorer/results}, unless the system property {@value #DIRECTORY_PROPERTY} or the
     * environment variable {@value #DIRECTORY_ENV} names another directory: this JVM's properties and environment.
     */
    public static Path defaultDirectory() {
        return defaultDirectory(System::getProperty, System::getenv);
    }

    /**
     * The default directory for these system properties and this environment (each a lookup by name that returns
     * null when unset): {@value #DIRECTORY_PROPERTY}, then {@value #DIRECTORY_ENV}, then
     * {@code <user.home>/.mobilenet-explorer/results}.
     */
    public static Path defaultDirectory(Function<String, String> properties, Function<String, String> environment) {
        String prop = properties.apply(DIRECTORY_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = environment.apply(DIRECTORY_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(properties.apply("user.home"), ".mobilenet-explorer", "results");
    }

    public Path directory() {
        return directory;
    }

    /**
     * Checks before a run that results can be saved here: the folder is created when missing (its parent must exist,
     * except for {@link #defaultDirectory()}, which is created with its parents) and takes a new file.
     */
    public void checkWritable() throws IOException {
        AtomicFiles.checkWritableDirectory(directory, isDefault());
    }

    private boolean isDefault() {
        return directory.toAbsolutePath().normalize().equals(defaultDirectory().toAbsolutePath().normalize());
    }

    /** Saves {@code result} as {@code <directory>/<id>.json} (atomically) and returns the file. */
    public Path save(BenchmarkResult result) throws IOException {
        if (!Files.isDirectory(directory)) {
            checkWritable();
        }
        Path file = directory.resolve(fileName(result));
        write(result, file);
        return file;
    }

    /** The file name a result is saved under. */
    public static String fileName(BenchmarkResult result) {
        return result.id().replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
    }

    /** Writes one result to {@code file} atomically (temp file in the same directory, then ATOMIC_MOVE). */
    public static void write(BenchmarkResult result, Path file) throws IOException {
        byte[] json = MAPPER.writeValueAsBytes(result);
        AtomicFiles.write(file, json);
    }

    /** The JSON text of a result. */
    public static String toJson(BenchmarkResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise result " + result.id(), e);
        }
    }

    /** Reads and validates one result file. */
    public static BenchmarkResult read(Path file) throws ResultFileException {
        byte[] bytes;
        try {
            bytes = UserFiles.read(file, MAX_FILE_BYTES, "result files");
            UserFiles.checkUtf8(bytes, file);
        } catch (UserFileException e) {
            throw new ResultFileException(file, e.reason());
        }
        return parse(file, bytes);
    }

    /** Validates the bytes of a result file ({@code file} names it in messages); also the fuzz target. */
    public static BenchmarkResult parse(Path file, byte[] bytes) throws ResultFileException {
        JsonNode root;
        boolean trailing = false; // refused after the try: a ResultFileException is an IOException the catch would wrap
        int trailingLine = 0;
        try (com.fasterxml.jackson.core.JsonParser p = MAPPER.createParser(bytes)) {
            root = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                trailing = true;
                trailingLine = p.currentTokenLocation().getLineNr();
            }
        } catch (IOException e) {
            throw new ResultFileException(file, "not valid JSON: " + JsonErrors.firstLine(e));
        }
        if (trailing) {
            throw new ResultFileException(file, "not valid JSON: trailing content after the result at line "
                    + trailingLine);
        }
        if (root == null || !root.isObject()) {
            throw new ResultFileException(file, "not a benchmark result: the top level is not a JSON object");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !root.has("latencyMs") || !root.has("samplesMs")) {
            throw new ResultFileException(file,
                    "not a benchmark result: schemaVersion, latencyMs or samplesMs missing");
        }
        if (!version.isInt() || version.asInt() < ResultSchema.OLDEST
                || version.asInt() > BenchmarkResult.SCHEMA_VERSION) {
            throw new ResultFileException(file, "schemaVersion = " + version + ": this build reads versions "
                    + ResultSchema.OLDEST + " to " + BenchmarkResult.SCHEMA_VERSION);
        }
        ResultSchema.upgrade((ObjectNode) root, version.asInt());
        BenchmarkResult r;
        try {
            r = MAPPER.treeToValue(root, BenchmarkResult.class);
        } catch (JsonMappingException e) {
            throw new ResultFileException(file, JsonErrors.describe(e));
        } catch (IOException | IllegalArgumentException e) {
            throw new ResultFileException(file, JsonErrors.firstLine(e));
        }
        LatencyStatistics recomputed = LatencyStatistics.of(r.samplesMs());
        if (!close(recomputed.median(), r.latencyMs().median()) || !close(recomputed.mean(), r.latencyMs().mean())) {
            throw new ResultFileException(file, "latencyMs.median = " + r.latencyMs().median()
                    + " does not match samplesMs (median " + recomputed.median() + ")");
        }
        if (r.forks() != null) {
            int from = 0;
            for (int i = 0; i < r.forks().count(); i++) {
                ForkSummary f = r.forks().perFork().get(i);
                double median = LatencyStatistics.median(r.samplesMs().subList(from, from + f.runs()).stream()
                        .mapToDouble(Double::doubleValue).toArray());
                if (!close(median, f.medianMs())) {
                    throw new ResultFileException(file, "forks.perFork[" + i + "].medianMs = " + f.medianMs()
                            + " does not match its " + f.runs() + " samples (median " + median + ")");
                }
                from += f.runs();
            }
        }
        return r;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
    }


    /** Loads every {@code *.json} in this store's directory. */
    public LoadReport loadAll() {
        return loadAll(directory);
    }

    /**
     * Loads every {@code *.json} file in {@code dir} (not recursive), sorted by id (time). Files that fail
     * validation are listed in {@link LoadReport#skipped()} with the reason; a missing directory is empty.
     */
    public static LoadReport loadAll(Path dir) {
        List<BenchmarkResult> good = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new LoadReport(good, skipped);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : ds) {
                if (!p.getFileName().toString().startsWith(".")) { // read() names and skips a FIFO, device, folder
                    files.add(p);
                }
            }
        } catch (IOException e) {
            skipped.add(new SkippedFile(dir, "cannot list directory: " + e.getMessage()));
            return new LoadReport(good, skipped);
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path f : files) {
            try {
                good.add(read(f));
            } catch (ResultFileException e) {
                skipped.add(new SkippedFile(f, e.reason()));
            } catch (RuntimeException e) {
                skipped.add(new SkippedFile(f, "unexpected content: " + e));
            }
        }
        good.sort(Comparator.comparing(BenchmarkResult::id));
        return new LoadReport(good, skipped);
    }

    /**
     * What {@link #loadAll} found.
     *
     * @param results the valid results, sorted by id
     * @param skipped the files skipped, with reasons
     */
    public record LoadReport(List<BenchmarkResult> results, List<SkippedFile> skipped) {
        public LoadReport {
            results = List.copyOf(results);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * A file {@link #loadAll} did not load.
     *
     * @param file   the file
     * @param reason why, e.g. "latencyMs.median: missing"
     */
    public record SkippedFile(Path file, String reason) {
        /** {@code name: reason} */
        @Override
        public String toString() {
            return file.getFileName() + ": " + reason;
        }
    }
}
