package org.mobilenetexplorer.tradeoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mobilenetexplorer.accuracy.Accuracy;
import org.mobilenetexplorer.accuracy.AccuracySource;
import org.mobilenetexplorer.accuracy.LeaveOneOut;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * Renders a {@link TradeoffAnalysis} as a text table, CSV or JSON. Columns are data: {@link Column} keys both the
 * headers and the values, so the CSV and JSON carry the same provenance fields (accuracy source, estimated or
 * not, backend, result file).
 */
public final class TradeoffFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TradeoffFormat() {
    }

    /** The columns of CSV and JSON rows, in order. */
    public enum Column {
        LABEL("label"), ALPHA("alpha"), RESOLUTION("resolution"), X("x"), Y("y"), ESTIMATED("estimated"),
        EXTRAPOLATED("extrapolated"), PARETO("pareto"), MACS("macs"), PARAMS("params"), LATENCY_MS("latencyMs"),
        ACCURACY_KIND("accuracyKind"), ACCURACY_SOURCE("accuracySource"), ACCURACY_METHOD("accuracyMethod"),
        BACKEND("backend"), RESULT_FILE("resultFile"), CPU("cpu"), FAMILY("family"), MINIMALISTIC("minimalistic"),
        DEVICE("device"), LATENCY_KIND("latencyKind");

        private final String key;

        Column(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The value of this column for {@code p} on {@code axis} (null when absent). */
        public Object value(TradeoffPoint p, CostAxis axis) {
            MeasuredLatency l = p.latency();
            Accuracy a = p.accuracy();
            return switch (this) {
                case LABEL -> p.label();
                case ALPHA -> p.config().alpha();
                case RESOLUTION -> p.config().resolution();
                case X -> Double.isNaN(p.cost(axis)) ? null : p.cost(axis);
                case Y -> a.value();
                case ESTIMATED -> a.estimated();
                case EXTRAPOLATED -> a.extrapolated();
                case PARETO -> p.pareto();
                case MACS -> p.macs();
                case PARAMS -> p.params();
                case LATENCY_MS -> l == null ? null : l.medianMs();
                case ACCURACY_KIND -> a.kind().name().toLowerCase(Locale.ROOT);
                case ACCURACY_SOURCE -> a.sourceId();
                case ACCURACY_METHOD -> a.method();
                case BACKEND -> l == null ? null : l.backend();
                case RESULT_FILE -> l == null ? null : l.resultFile();
                case CPU -> l == null ? null : l.cpu();
                case FAMILY -> p.config().family().id();
                case MINIMALISTIC -> p.config().minimalistic();
                case DEVICE -> l == null ? null : l.device();
                case LATENCY_KIND -> l == null ? null : l.kind().id();
            };
        }
    }

    /** One row per point as an ordered map (JSON and CSV share it). */
    public static Map<String, Object> row(TradeoffPoint p, CostAxis axis) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Column c : Column.values()) {
            m.put(c.key(), c.value(p, axis));
        }
        return m;
    }

    /** CSV with a header row; RFC 4180 quoting. */
    public static String csv(TradeoffAnalysis a) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (Column c : Column.values()) {
            header.add(c.key());
        }
        sb.append(String.join(",", header)).append('\n');
        for (TradeoffPoint p : a.points()) {
            List<String> cells = new ArrayList<>();
            for (Column c : Column.values()) {
                cells.add(csvCell(c.value(p, a.axis())));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    /** One CSV cell: null is empty, text is quoted when it holds a comma, quote or line break. */
    public static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof Double d ? num(d) : String.valueOf(v);
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d)
                : String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", ".0");
    }

    /** The JSON document as a map, for callers that add fields (the chart data export). */
    public static Map<String, Object> jsonTree(TradeoffAnalysis a) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("axis", a.axis().id());
        x.put("title", a.axis().axisLabel());
        root.put("x", x);
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("metric", a.metric().id());
        y.put("title", a.metric().title() + " (%)");
        root.put("y", y);
        AccuracySource s = a.source();
        Map<String, Object> src = new LinkedHashMap<>();
        src.put("id", s.id());
        src.put("name", s.name());
        src.put("checkpoint", s.checkpoint());
        src.put("metric", s.metric());
        src.put("citation", s.citation());
        root.put("accuracySource", src);
        LeaveOneOut loo = a.estimatorError();
        Map<String, Object> est = new LinkedHashMap<>();
        est.put("method", "published value; else, from the points of the query's own family only, the model with the"
                + " smaller leave-one-out error: a least-squares quadratic surface in (ln alpha, ln resolution), or"
                + " interpolation in (ln alpha, ln resolution) inside the grid and the slope of the least-squares line"
                + " of accuracy vs ln(MACs) from the nearest published point on the same alpha or resolution (anchored"
                + " fit); see docs/decisions/005-accuracy-estimator.md");
        est.put("perFamily", a.estimatorModels());
        est.put("leaveOneOutN", loo.n());
        est.put("leaveOneOutMae", loo.available() ? loo.mae() : null);
        est.put("leaveOneOutMax", loo.available() ? loo.max() : null);
        est.put("leaveOneOutWorst", loo.worstLabel());
        root.put("estimator", est);
        Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("resultsDirectory", a.latency().directory() == null ? null : a.latency().directory().toString());
        lat.put("backend", a.latency().backend());
        lat.put("backendName", a.latency().isEmpty() ? null : a.latency().backendName());
        lat.put("cpu", a.latency().isEmpty() ? null : a.latency().cpu());
        root.put("latency", lat);
        List<Map<String, Object>> pts = new ArrayList<>();
        for (TradeoffPoint p : a.points()) {
            pts.add(row(p, a.axis()));
        }
        root.put("points", pts);
        root.put("paretoFront", a.paretoFront().stream().map(TradeoffPoint::label).toList());
        root.put("notes", a.notes());
        return root;
    }

    public static String json(Map<String, Object> tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * The series of a latency chart as JSON: {@code {"series": [{"name", "device", "precision", "latencyKind", ...the
     * analysis' own tree}]}}; every point also carries {@code device} and {@code latencyKind}.
     */
    public static String json(List<LatencySeries> series) {
        List<Object> out = new java.util.ArrayList<>();
        for (LatencySeries s : series) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("device", s.device());
            m.put("precision", s.precision().id());
            m.put("latencyKind", s.kind().id());
            m.putAll(jsonTree(s.analysis()));
            out.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("series", out);
        return json(root);
    }

    public static String json(TradeoffAnalysis a) {
        return json(jsonTree(a));
    }

    /** A fixed-width text table with the notes below it. */
    public static String table(TradeoffAnalysis a) {
        boolean lat = !a.latency().isEmpty();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Accuracy: %s [%s], %s; x = %s%n", a.source().name(), a.source().id(),
                a.metric().id(), a.axis().axisLabel()));
        if (lat) {
            sb.append(String.format(Locale.ROOT, "Latency: %s on %s, median per image at batch 1 (%s)%n",
                    a.latency().backendName(), a.latency().cpu().isBlank() ? "unknown CPU" : a.latency().cpu(),
                    a.latency().directory()));
        }
        String head = String.format(Locale.ROOT, "%-22s %6s %5s %10s %8s %s%8s  %-19s %-6s%n", "config", "alpha",
                "res", "MACs (M)", "params(M)", lat ? String.format(Locale.ROOT, "%10s ", "latency ms") : "",
                a.metric().id() + " %", "", "pareto");
        sb.append(head);
        sb.append("-".repeat(head.length() - 1)).append('\n');
        for (TradeoffPoint p : a.points()) {
            String latency = "";
            if (lat) {
                latency = String.format(Locale.ROOT, "%10s ", p.latency() == null ? "-"
                        : String.format(Locale.ROOT, "%.2f%s", p.latency().medianMs(), p.latency().stable() ? "" : "*"));
            }
            Accuracy acc = p.accuracy();
            sb.append(String.format(Locale.ROOT, "%-22s %6s %5d %10.1f %8.2f %s%8s  %-19s %-6s%n", p.label(),
                    MobileNetConfig.fmt(p.config().alpha()), p.config().resolution(), p.macs() / 1e6,
                    p.params() / 1e6, latency, acc.present() ? String.format(Locale.ROOT, "%.1f", acc.value()) : "-",
                    acc.flag(), p.pareto() ? "yes" : ""));
        }
        if (lat && a.points().stream().anyMatch(p -> p.latency() != null && !p.latency().stable())) {
            sb.append("* measurement flagged unstable by the benchmark\n");
        }
        sb.append(String.format(Locale.ROOT, "Pareto front (max %s, min %s): %s%n", a.metric().id(), a.axis().id(),
                String.join(", ", a.paretoFront().stream().map(TradeoffPoint::label).toList())));
        sb.append("Estimator on ").append(a.source().id()).append(": ").append(a.estimatorModels())
                .append(a.estimatorError().available() ? ", worst " + a.estimatorError().worstLabel() : "")
                .append('\n');
        for (String n : a.notes()) {
            sb.append("note: ").append(n).append('\n');
        }
        return sb.toString();
    }
}
