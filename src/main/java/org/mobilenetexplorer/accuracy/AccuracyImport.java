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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mobilenetexplorer.model.InvalidConfigException;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * Reads the user's own accuracy numbers from CSV (header row) or JSON (an array of objects, or an object with a
 * {@code points} array). Fields: {@code alpha}, {@code resolution}, {@code top1}, optional {@code top5},
 * {@code label}, {@code source}. Rows are grouped by {@code source} into one {@link AccuracySource} each (id
 * {@code user:<source>}, or {@code user:<file name>} for rows without one), so an import never mixes with a
 * published series. Errors name the file, the line and the field with its value.
 */
public final class AccuracyImport {
    /** The fields a row may have. */
    public static final Set<String> FIELDS = Set.of("alpha", "resolution", "top1", "top5", "label", "source");

    private AccuracyImport() {
    }

    /** Loads {@code file}; the format follows the extension ({@code .csv} or {@code .json}). */
    public static List<AccuracySource> load(Path file) throws AccuracyImportException {
        String name = file.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AccuracyImportException(name, 0, null, "cannot be read: " + e.getMessage());
        }
        if (lower.endsWith(".csv")) {
            return parseCsv(text, name);
        }
        if (lower.endsWith(".json")) {
            return parseJson(text, name);
        }
        throw new AccuracyImportException(name, 0, null, "unknown format: the file name must end in .csv or .json");
    }

    /** One row with the line it came from. */
    private record Row(int line, Map<String, String> fields) {
    }

    public static List<AccuracySource> parseCsv(String text, String file) throws AccuracyImportException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Row> rows = new ArrayList<>();
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            ((CsvParser) p).setSchema(schema);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int line = -1; // the row's line is that of its first value (START_OBJECT sits at the previous line end)
                Map<String, String> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    if (line < 0) {
                        line = p.currentTokenLocation().getLineNr();
                    }
                    fields.put(key.trim().toLowerCase(Locale.ROOT), p.getValueAsString());
                }
                rows.add(new Row(line, fields));
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new AccuracyImportException(file, loc == null ? 0 : loc.getLineNr(), null,
                    "malformed CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new AccuracyImportException(file, 0, null, "cannot be read: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new AccuracyImportException(file, 0, null,
                    "no rows: expected a header (alpha,resolution,top1[,top5,label,source]) and at least one row");
        }
        return toSources(rows, file);
    }

    public static List<AccuracySource> parseJson(String text, String file) throws AccuracyImportException {
        List<Row> rows = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                // {"points": [...]} : advance to the array
                boolean found = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    if (key.equals("points") && p.currentToken() == JsonToken.START_ARRAY) {
                        found = true;
                        break;
                    }
                    p.skipChildren();
                }
                if (!found) {
                    throw new AccuracyImportException(file, p.currentLocation().getLineNr(), "points",
                            "missing: expected an array of points or an object with a \"points\" array");
                }
            } else if (t != JsonToken.START_ARRAY) {
                throw new AccuracyImportException(file, 1, null,
                        "expected an array of points or an object with a \"points\" array");
            }
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int line = p.currentTokenLocation().getLineNr();
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw new AccuracyImportException(file, line, "points[" + index + "]", "must be an object");
                }
                JsonNode node = mapper.readTree(p);
                Map<String, String> fields = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
                }
                rows.add(new Row(line, fields));
                index++;
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new AccuracyImportException(file, loc == null ? 0 : loc.getLineNr(), null,
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new AccuracyImportException(file, 0, null, "cannot be read: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new AccuracyImportException(file, 0, null, "no points");
        }
        return toSources(rows, file);
    }

    private static List<AccuracySource> toSources(List<Row> rows, String file) throws AccuracyImportException {
        String fileName = Path.of(file).getFileName().toString();
        Map<String, List<AccuracyPoint>> bySource = new LinkedHashMap<>();
        for (Row row : rows) {
            for (String key : row.fields().keySet()) {
                if (!FIELDS.contains(key)) {
                    throw new AccuracyImportException(file, row.line(), key,
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
                config = new MobileNetConfig(alpha, (int) resDouble);
            } catch (InvalidConfigException e) {
                throw new AccuracyImportException(file, row.line(), e.field(), "= " + e.value() + ": " + e.rule());
            }
            String src = blankToNull(row.fields().get("source"));
            String id = "user:" + (src != null ? src : fileName);
            bySource.computeIfAbsent(id, k -> new ArrayList<>()).add(new AccuracyPoint(config, top1, top5,
                    blankToNull(row.fields().get("label")), id, fileName + " line " + row.line()));
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
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static double number(Row row, String field, String file)
            throws AccuracyImportException {
        String s = blankToNull(row.fields().get(field));
        if (s == null) {
            throw new AccuracyImportException(file, row.line(), field, "is missing");
        }
        try {
            double v = Double.parseDouble(s);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new AccuracyImportException(file, row.line(), field, "= " + s + ": must be a number");
        }
    }

    private static Double percent(Row row, String field, String file) throws AccuracyImportException {
        String s = blankToNull(row.fields().get(field));
        if (s == null) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new AccuracyImportException(file, row.line(), field, "= " + s + ": must be a number in [0, 100]");
        }
        if (!(v >= 0 && v <= 100)) {
            throw new AccuracyImportException(file, row.line(), field, "= " + s
                    + ": must be a percentage in [0, 100]");
        }
        return v;
    }
}
