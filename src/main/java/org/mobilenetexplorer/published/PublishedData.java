package org.mobilenetexplorer.published;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * The bundled reference data: published figures of every family, their sources, the known misprints and published
 * latencies. Immutable; load once with {@link #bundled()}. V1's figures and V2/V3's come from two files with their
 * own columns (V2/V3's name the family, table and class count) into one list of {@link PublishedFigure}; the known
 * misprints of both files share one format.
 */
public final class PublishedData {
    private static final String BASE = "/org/mobilenetexplorer/published/";
    private static final String V2_V3_CSV = "mobilenet_v2_v3_published.csv";
    /** "Table9" or "Table 9" in a V1 row's source text. */
    private static final Pattern V1_TABLE = Pattern.compile("Table\\s*(\\d+)");
    private static final String V2_V3_LATENCY_CSV = "mobilenet_v2_v3_published_latency.csv";
    private static volatile PublishedData bundled;

    private final List<PublishedSource> sources;
    private final List<PublishedFigure> figures;
    private final List<PublishedLatency> latencies;
    private final List<KnownMisprint> misprints;
    private final List<FamilyLatency> familyLatencies;

    private PublishedData(List<PublishedSource> sources, List<PublishedFigure> figures,
                          List<PublishedLatency> latencies, List<KnownMisprint> misprints,
                          List<FamilyLatency> familyLatencies) {
        this.familyLatencies = List.copyOf(familyLatencies);
        this.sources = List.copyOf(sources);
        this.figures = List.copyOf(figures);
        this.latencies = List.copyOf(latencies);
        this.misprints = List.copyOf(misprints);
    }

    /** The reference data bundled with the tool (loaded on first use, then shared: it is immutable). */
    public static PublishedData bundled() {
        PublishedData d = bundled;
        if (d == null) {
            synchronized (PublishedData.class) {
                d = bundled;
                if (d == null) {
                    d = load();
                    bundled = d;
                }
            }
        }
        return d;
    }

    private static PublishedData load() {
        try {
            List<PublishedSource> sources;
            try (InputStream in = open("sources.json")) {
                sources = new ObjectMapper().readValue(in, new TypeReference<List<PublishedSource>>() { });
            }
            List<PublishedFigure> figures = new ArrayList<>();
            for (Map<String, String> row : readCsv("mobilenet_v1_published.csv")) {
                String src = row.get("source");
                String model = row.get("model");
                String id = sources.stream().filter(s -> s.matches(src, model)).map(PublishedSource::id)
                        .findFirst().orElse("other");
                Matcher table = V1_TABLE.matcher(src);
                Double alpha = dbl(row.get("alpha"));
                figures.add(new PublishedFigure(id, src, table.find() ? "Table" + table.group(1) : null,
                        alpha == null ? null : Family.V1, false, model, alpha, integer(row.get("resolution")),
                        null, null, dbl(row.get("top1")), dbl(row.get("top5")), dbl(row.get("million_macs")),
                        dbl(row.get("million_params")), row.get("notes")));
            }
            List<PublishedLatency> latencies = new ArrayList<>();
            for (Map<String, String> row : readCsv("mobilenet_v1_published_latency.csv")) {
                latencies.add(new PublishedLatency(row.get("source"), row.get("model"), dbl(row.get("alpha")),
                        integer(row.get("resolution")), row.get("precision"), row.get("device"), row.get("os"),
                        row.get("runtime"), row.get("config"), Double.parseDouble(row.get("latency_ms")),
                        row.get("notes")));
            }
            List<KnownMisprint> misprints = new ArrayList<>();
            // enums as the data writes them: families by id (v3-large), fits by id (truncated)
            ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING);
            for (String name : List.of("known_misprints.json", "known_misprints_v2_v3.json")) {
                try (InputStream in = open(name)) {
                    misprints.addAll(json.readValue(in, new TypeReference<List<KnownMisprint>>() { }));
                }
            }
            for (Map<String, String> row : readCsv(V2_V3_CSV)) {
                String id = row.get("source_id");
                if (sources.stream().noneMatch(s -> s.id().equals(id))) {
                    throw new IOException(V2_V3_CSV + ": source_id = " + id + ": not in sources.json");
                }
                String fam = row.get("family");
                figures.add(new PublishedFigure(id, row.get("source"), row.get("table"),
                        fam == null || fam.isBlank() ? null : Family.fromId(fam),
                        Boolean.parseBoolean(row.get("minimalistic")), row.get("model"), dbl(row.get("alpha")),
                        integer(row.get("resolution")), integer(row.get("classes")), row.get("precision"),
                        dbl(row.get("top1")), dbl(row.get("top5")), dbl(row.get("million_macs")),
                        dbl(row.get("million_params")), row.get("notes")));
            }
            List<FamilyLatency> familyLatencies = new ArrayList<>();
            for (Map<String, String> row : readCsv(V2_V3_LATENCY_CSV)) {
                String fam = row.get("family");
                familyLatencies.add(new FamilyLatency(row.get("source_id"), row.get("source"),
                        fam == null || fam.isBlank() ? null : Family.fromId(fam),
                        Boolean.parseBoolean(row.get("minimalistic")), row.get("model"), dbl(row.get("alpha")),
                        integer(row.get("resolution")), row.get("precision"), row.get("device"), row.get("runtime"),
                        row.get("config"), Double.parseDouble(row.get("latency_ms")), row.get("notes")));
            }
            return new PublishedData(sources, figures, latencies, misprints, familyLatencies);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled reference data unreadable: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = PublishedData.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IOException("missing resource " + BASE + name);
        }
        return in;
    }

    private static List<Map<String, String>> readCsv(String name) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (InputStream in = open(name);
             MappingIterator<Map<String, String>> it = mapper.readerFor(new TypeReference<Map<String, String>>() { })
                     .with(schema).readValues(in)) {
            return it.readAll();
        }
    }

    private static Double dbl(String s) {
        return s == null || s.isBlank() ? null : Double.valueOf(s.trim());
    }

    private static Integer integer(String s) {
        return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
    }

    public List<PublishedSource> sources() {
        return sources;
    }

    public Optional<PublishedSource> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Every published row of every family, in reference-data order (V1's file, then V2/V3's). */
    public List<PublishedFigure> figures() {
        return figures;
    }

    /** The rows of one source. */
    public List<PublishedFigure> figures(String sourceId) {
        return figures.stream().filter(f -> f.sourceId().equals(sourceId)).toList();
    }

    /** ImageNet rows (any source) that describe {@code config}; see {@link PublishedFigure#describes}. */
    public List<PublishedFigure> describing(MobileNetConfig config) {
        return figures.stream().filter(f -> f.describes(config)).toList();
    }

    /**
     * Published numbers known to differ from the arithmetic (misprints, or another counting convention), with
     * what is known about them.
     */
    public List<KnownMisprint> knownMisprints() {
        return misprints;
    }

    /** The recorded explanation of {@code quantity} of row {@code f}, if that printed number is known to differ. */
    public Optional<KnownMisprint> misprint(PublishedFigure f, PublishedQuantity quantity) {
        return misprints.stream().filter(m -> m.explains(f, quantity)).findFirst();
    }

    /** Published phone latencies. */
    public List<PublishedLatency> latencies() {
        return latencies;
    }

    /** The V2/V3 published phone latencies ({@code mobilenet_v2_v3_published_latency.csv}), in file order. */
    public List<FamilyLatency> familyLatencies() {
        return familyLatencies;
    }
}
