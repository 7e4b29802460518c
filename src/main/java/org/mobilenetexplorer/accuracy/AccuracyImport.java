package org.mobilenetexplorer.accuracy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.mobilenetexplorer.io.JsonLimits;
import org.mobilenetexplorer.io.UserFileException;
import org.mobilenetexplorer.io.UserFiles;
import org.mobilenetexplorer.model.InvalidConfigException;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * Reads the user's own accuracy numbers from CSV (header row) or JSON (an array of objects, or an object with a
 * {@code points} array and optional {@code name} and {@code description}). Fields: {@code alpha},
 * {@code resolution}, {@code top1}, optional {@code top5}, {@code label}, {@code source}. Rows are grouped by
 * {@code source} into one {@link AccuracySource} each (id {@code user:<source>}, or {@code user:<file name>} for rows
 * without one), so an import never mixes with a published series.
 *
 * <p>As strict as the preset reader: the file is read through {@link UserFiles} (regular files only, at most
 * {@value #MAX_BYTES} bytes, UTF-8 with an optional byte-order mark); duplicate JSON keys, trailing content, duplicate
 * or unnamed CSV columns, rows with more or fewer values than the header, values that are not plain decimal numbers
 * and two rows giving the same network different numbers are errors. Every error names the file, the line and the
 * field with its value. Equal duplicate rows merge into one point whose origin lists both lines.
 */
public final class AccuracyImport {
    /** The fields a row may have. */
    public static final Set<String> FIELDS = Set.of("alpha", "resolution", "top1", "top5", "label", "source");
    /** Largest accuracy file read (8 MB: about 200,000 rows). */
    public static final long MAX_BYTES = 8_000_000;
    /** Longest label or source name, in characters (they appear in charts and tables). */
    public static final int MAX_TEXT = 200;

    /** A plain decimal number: no hex, no {@code 70f}, no NaN or Infinity. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
    private static final Set<String> JSON_TOP_FIELDS = Set.of("points", "name", "description");

    private AccuracyImport() {
    }

    /** Loads {@code file}; the format follows the extension ({@code .csv} or {@code .json}). */
    public static List<AccuracySource> load(Path file) throws AccuracyImportException {
        String name = file.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean csv = lower.endsWith(".csv");
        if (!csv && !lower.endsWith(".json")) {
            throw new AccuracyImportException(name, 0, null, "unknown format: the file name must end in .csv or .json");
        }
        String text;
        try {
            text = UserFiles.readUtf8(file, MAX_BYTES, "accuracy files");
        } catch (UserFileException e) {
            throw new AccuracyImportException(name, 0, null, e.reason());
        }
        return csv ? parseCsv(text, name) : parseJson(text, name);
    }

    /** One row with the line it came from. */
    private record Row(int line, Map<String, String> fields) {
    }

    public static List<AccuracySource> parseCsv(String text, String file) throws AccuracyImportException {
        CsvMapper mapper = JsonLimits.apply(new CsvMapper());
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        try (CsvParser p = (CsvParser) mapper.getFactory().createParser(text)) {
            p.setSchema(CsvSchema.emptySchema());
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new AccuracyImportException(file, 0, null, "no rows: expected a header"
                        + " (alpha,resolution,top1[,top5,label,source]) and at least one row");
            }
            while (p.nextToken() == JsonToken.START_ARRAY) {
                int line = -1;
                List<String> values = new ArrayList<>();
                while (p.nextToken() == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        line = p.currentTokenLocation().getLineNr();
                    }
                    values.add(p.getText().strip());
                }
                if (values.stream().allMatch(String::isEmpty)) {
                    continue; // blank line
                }
                if (header == null) {
                    header = header(values, line, file);
                    continue;
                }
                if (values.size() != header.size()) {
                    throw new AccuracyImportException(file, line, null, values.size() + " values but the header has "
                            + header.size() + " columns (" + String.join(",", header) + ")");
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    fields.put(header.get(i), values.get(i));
                }
                rows.add(new Row(line, fields));
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new AccuracyImportException(file, loc == null ? 0 : loc.getLineNr(), null,
                    "malformed CSV: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new AccuracyImportException(file, 0, null, "cannot be read: " + firstLine(e.getMessage()));
        }
        if (rows.isEmpty()) {
            throw new AccuracyImportException(file, 0, null,
                    "no rows: expected a header (alpha,resolution,top1[,top5,label,source]) and at least one row");
        }
        return toSources(rows, file);
    }

    private static List<String> header(List<String> values, int line, String file) throws AccuracyImportException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String h = values.get(i).toLowerCase(Locale.ROOT);
            if (h.isEmpty()) {
                throw new AccuracyImportException(file, line, null, "column " + (i + 1) + " has no name (known: alpha,"
                        + " resolution, top1, top5, label, source)");
            }
            if (!FIELDS.contains(h)) {
                throw new AccuracyImportException(file, line, shown(values.get(i)),
                        "is not a known field (known: alpha, resolution, top1, top5, label, source)");
            }
            if (out.contains(h)) {
                throw new AccuracyImportException(file, line, h, "is a duplicate column (columns " + (out.indexOf(h) + 1)
                        + " and " + (i + 1) + ")");
            }
            out.add(h);
        }
        return out;
    }

    public static List<AccuracySource> parseJson(String text, String file) throws AccuracyImportException {
        List<Row> rows = new ArrayList<>();
        ObjectMapper mapper = JsonLimits.apply(new ObjectMapper())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                boolean found = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int line = p.currentTokenLocation().getLineNr();
                    JsonToken v = p.nextToken();
                    if (!JSON_TOP_FIELDS.contains(key)) {
                        throw new AccuracyImportException(file, line, shown(key),
                                "is not a known field (known: points, name, description)");
                    }
                    if (key.equals("points")) {
                        if (v != JsonToken.START_ARRAY) {
                            throw new AccuracyImportException(file, line, "points", "must be an array of points");
                        }
                        readPoints(p, mapper, rows, file);
                        found = true;
                    } else if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
                        throw new AccuracyImportException(file, line, key, "must be a string");
                    }
                }
                if (!found) {
                    throw new AccuracyImportException(file, p.currentLocation().getLineNr(), "points",
                            "missing: expected an array of points or an object with a \"points\" array");
                }
            } else if (t == JsonToken.START_ARRAY) {
                readPoints(p, mapper, rows, file);
            } else {
                throw new AccuracyImportException(file, 1, null,
                        "expected an array of points or an object with a \"points\" array");
            }
            if (p.nextToken() != null) {
                throw new AccuracyImportException(file, p.currentTokenLocation().getLineNr(), null,
                        "trailing content after the JSON value");
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new AccuracyImportException(file, loc == null ? 0 : loc.getLineNr(), null,
                    "malformed JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new AccuracyImportException(file, 0, null, "cannot be read: " + firstLine(e.getMessage()));
        }
        if (rows.isEmpty()) {
            throw new AccuracyImportException(file, 0, null, "no points");
        }
        return toSources(rows, file);
    }

    private static void readPoints(JsonParser p, ObjectMapper mapper, List<Row> rows, String file)
            throws IOException, AccuracyImportException {
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int line = p.currentTokenLocation().getLineNr();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new AccuracyImportException(file, line, "points[" + index + "]", "must be an object");
            }
            JsonNode node = mapper.readTree(p);
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                JsonNode v = e.getValue();
                boolean text = key.equals("label") || key.equals("source");
                if (!FIELDS.contains(key)) {
                    throw new AccuracyImportException(file, line, shown(key),
                            "is not a known field (known: alpha, resolution, top1, top5, label, source)");
                }
                if (v.isNull()) {
                    fields.put(key, null);
                } else if (text ? !v.isTextual() : !v.isNumber()) {
                    throw new AccuracyImportException(file, line, key, "= " + shown(v.toString()) + ": must be a "
                            + (text ? "string" : "number"));
                } else {
                    fields.put(key, v.asText());
                }
            }
            rows.add(new Row(line, fields));
            index++;
        }
    }

    /** Network identity within one imported source (imports describe the standard architecture). */
    private record Key(String sourceId, double alpha, int resolution) {
    }

    private static List<AccuracySource> toSources(List<Row> rows, String file) throws AccuracyImportException {
        String fileName = Path.of(file).getFileName().toString();
        Map<String, List<AccuracyPoint>> bySource = new LinkedHashMap<>();
        Map<Key, Row> first = new HashMap<>();
        for (Row row : rows) {
            for (String key : row.fields().keySet()) {
                if (!FIELDS.contains(key)) {
                    throw new AccuracyImportException(file, row.line(), shown(key),
                            "is not a known field (known: alpha, resolution, top1, top5, label, source)");
                }
            }
            double alpha = number(row, "alpha", file);
            double resDouble = number(row, "resolution", file);
            if (resDouble != Math.rint(resDouble)) {
                throw new AccuracyImportException(file, row.line(), "resolution",
                        "= " + row.fields().get("resolution") + ": must be an integer");
            }
            Double top1 = percent(row, "top1", file);
            Double top5 = percent(row, "top5", file);
            if (top1 == null && top5 == null) {
                throw new AccuracyImportException(file, row.line(), "top1", "is missing: give top1 or top5");
            }
            MobileNetConfig config;
            try {
                config = new MobileNetConfig(alpha, (int) Math.max(Integer.MIN_VALUE,
                        Math.min(Integer.MAX_VALUE, resDouble)));
            } catch (InvalidConfigException e) {
                throw new AccuracyImportException(file, row.line(), e.field(), "= " + row.fields().get(e.field())
                        + ": " + e.rule());
            }
            String src = text(row, "source", file);
            String label = text(row, "label", file);
            String id = "user:" + (src != null ? src : fileName);
            Key key = new Key(id, alpha, config.resolution());
            Row earlier = first.putIfAbsent(key, row);
            if (earlier != null) {
                Double t1 = percent(earlier, "top1", file);
                Double t5 = percent(earlier, "top5", file);
                if (!Objects.equals(t1, top1) || !Objects.equals(t5, top5)) {
                    String field = Objects.equals(t1, top1) ? "top5" : "top1";
                    throw new AccuracyImportException(file, row.line(), field, "= " + row.fields().get(field)
                            + ": conflicts with line " + earlier.line() + " (" + field + " = "
                            + earlier.fields().get(field) + ") for " + config.label() + " in source " + id);
                }
            }
            bySource.computeIfAbsent(id, k -> new ArrayList<>()).add(new AccuracyPoint(config, top1, top5,
                    label, id, fileName + " line " + row.line()));
        }
        List<AccuracySource> out = new ArrayList<>();
        for (var e : bySource.entrySet()) {
            String id = e.getKey();
            out.add(new AccuracySource(id, id.substring("user:".length()) + " (imported)", "user data",
                    "as given in " + fileName, "imported from " + file,
                    AccuracyCatalog.mergeDuplicates(e.getValue())));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String text(Row row, String field, String file) throws AccuracyImportException {
        String s = blankToNull(row.fields().get(field));
        if (s != null && s.length() > MAX_TEXT) {
            throw new AccuracyImportException(file, row.line(), field, "= " + shown(s) + " (" + s.length()
                    + " characters): at most " + MAX_TEXT);
        }
        return s;
    }

    /** A value for a message: at most 40 characters. */
    private static String shown(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static Double decimal(String s) {
        if (!DECIMAL.matcher(s).matches()) {
            return null;
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : null;
    }

    private static double number(Row row, String field, String file) throws AccuracyImportException {
        String s = blankToNull(row.fields().get(field));
        if (s == null) {
            throw new AccuracyImportException(file, row.line(), field, "is missing");
        }
        Double v = decimal(s);
        if (v == null) {
            throw new AccuracyImportException(file, row.line(), field, "= " + shown(s) + ": must be a number");
        }
        return v;
    }

    private static Double percent(Row row, String field, String file) throws AccuracyImportException {
        String s = blankToNull(row.fields().get(field));
        if (s == null) {
            return null;
        }
        Double v = decimal(s);
        if (v == null) {
            throw new AccuracyImportException(file, row.line(), field, "= " + shown(s)
                    + ": must be a number in [0, 100]");
        }
        if (!(v >= 0 && v <= 100)) {
            throw new AccuracyImportException(file, row.line(), field, "= " + s
                    + ": must be a percentage in [0, 100]");
        }
        return v;
    }
}
