package org.mobilenetexplorer.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.KindShare;
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.Totals;
import org.mobilenetexplorer.model.WeightMemory;
import org.mobilenetexplorer.published.KnownMisprint;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedFigure;

/**
 * The plain-text view of one analysis, for a 120-column terminal: the layer table with a totals row, the
 * by-kind summary (paper Table 2), memory, the published figures beside ours, and the counting convention.
 */
public final class TableReport {
    private static final Pattern TABLE = Pattern.compile("Table\\s*(\\d+)");

    private TableReport() {
    }

    /** The full report of {@code stats}. */
    public static String render(NetworkStats stats, PublishedData published) {
        StringBuilder sb = new StringBuilder();
        sb.append(Text.wrap(heading(stats.config()), "  ")).append('\n');
        sb.append(layers(stats)).append('\n');
        sb.append(byKind(stats)).append('\n');
        sb.append(memory(stats)).append('\n');
        String pub = published(stats, published);
        if (!pub.isEmpty()) {
            sb.append(pub).append('\n');
        }
        sb.append(convention());
        return sb.toString();
    }

    /** {@code MobileNet v1 1.0-224: alpha 1.0, resolution 224 (rho 1.000), 1000 classes, ...}. */
    static String heading(MobileNetConfig c) {
        return String.format(Locale.ROOT, "MobileNet v1 %s: width multiplier alpha %s, resolution %d (rho %.3f), "
                        + "%d classes, %s rounding, %d of 5 blocks at 14x14, %s, %s",
                c.label(), MobileNetConfig.fmt(c.alpha()), c.resolution(), c.rho(), c.classes(), c.rounding().id(),
                c.blocks14(), c.standardConv() ? "standard 3x3 convolutions" : "depthwise-separable blocks",
                c.activation().id());
    }

    /** The per-layer table with its totals row. */
    public static String layers(NetworkStats stats) {
        List<Column> cols = Arrays.stream(Column.values()).filter(Column::inTable).toList();
        TextTable t = new TextTable(cols.stream().map(Column::title).toList(), cols.stream().map(Column::align).toList());
        for (LayerStats s : stats.layers()) {
            t.row(cols.stream().map(c -> c.cell(s, stats)).toArray(String[]::new));
        }
        Totals totals = stats.totals();
        t.footer(cols.stream().map(c -> c.total(totals)).toArray(String[]::new));
        return t.render();
    }

    /** MACs and params by layer kind, as in the paper's Table 2. */
    public static String byKind(NetworkStats stats) {
        TextTable t = new TextTable(List.of("By kind (paper Table 2)", "Layers", "MACs (M)", "MACs %", "Params (K)",
                "Params %"), List.of(Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT));
        List<KindShare> shares = new ArrayList<>(stats.byKind().values());
        shares.sort((a, b) -> Long.compare(b.macs(), a.macs()));
        for (KindShare k : shares) {
            t.row(KindNames.table2(k.kind()), Integer.toString(k.layers()), Units.millionsExact(k.macs()),
                    Units.percent(k.macShare()), Units.thousandsExact(k.params()), Units.percent(k.paramShare()));
        }
        return t.render();
    }

    /** Peak activation memory and parameter memory. */
    static String memory(NetworkStats stats) {
        Totals t = stats.totals();
        return Text.wrap(String.format(Locale.ROOT, "Peak activation memory: %s MiB at %s (its input and output alive"
                        + " at once; FP32, batch 1). Final feature map %dx%d.",
                Units.mebibytes(t.peakActivationBytes()), t.peakLayer(), stats.finalFeatureMap(),
                stats.finalFeatureMap()), "  ")
                + Text.wrap(String.format(Locale.ROOT, "Parameter memory: %s MiB FP32 (%d params + %d batch-norm"
                        + " values).", Units.mebibytes(t.parameterBytes()), t.params(), t.bnParams()), "  ")
                + weightsByPrecision(stats);
    }

    /** The deployed weights (batch norm folded) in FP32 and INT8: about the model file size of each. */
    static String weightsByPrecision(NetworkStats stats) {
        WeightMemory w = WeightMemory.of(stats);
        return Text.wrap(String.format(Locale.ROOT, "Weights by precision (batch norm folded, about the model file"
                        + " size): %s MiB FP32, %s MiB INT8 (int8 weights + an int32 bias and a float scale per output"
                        + " channel).", Units.mebibytes(w.fp32Bytes()), Units.mebibytes(w.int8Bytes())), "  ");
    }

    /**
     * The published rows for this configuration beside ours (rounded to each row's printed precision); rows that
     * differ are flagged and explained where the difference is recorded. Empty when nothing is published.
     */
    public static String published(NetworkStats stats, PublishedData data) {
        List<PublishedComparison> rows = PublishedComparison.of(stats, data);
        if (rows.isEmpty()) {
            return "";
        }
        // one line per source and printed values; the tables that print them are listed together
        Map<String, List<PublishedComparison>> groups = new LinkedHashMap<>();
        for (PublishedComparison c : rows) {
            PublishedFigure f = c.figure();
            String key = f.sourceId() + "|" + f.top1() + "|" + f.millionMacs() + "|" + f.millionParams();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        TextTable t = new TextTable(List.of("Published (source)", "Top-1 %", "MACs (M)", "ours", "Params (M)", "ours",
                "Differs (notes below)"), List.of(Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT,
                Align.RIGHT, Align.LEFT));
        Map<String, KnownMisprint> notes = new LinkedHashMap<>();
        for (List<PublishedComparison> g : groups.values()) {
            PublishedComparison c = g.get(0);
            PublishedFigure f = c.figure();
            List<String> flags = new ArrayList<>();
            if (c.macsDiffer()) {
                flags.add(flag("MACs", c.macsNote().orElse(null), notes));
            }
            if (c.paramsDiffer()) {
                flags.add(flag("params", c.paramsNote().orElse(null), notes));
            }
            t.row(c.sourceName() + tables(g), f.top1() == null ? "" : Units.printed(f.top1()),
                    f.millionMacs() == null ? "" : Units.printed(f.millionMacs()),
                    c.ourMacs() == null ? "" : c.ourMacs().toPlainString(),
                    f.millionParams() == null ? "" : Units.printed(f.millionParams()),
                    c.ourParams() == null ? "" : c.ourParams().toPlainString(), String.join(", ", flags));
        }
        StringBuilder sb = new StringBuilder("Published figures for " + stats.config().label()
                + " (ours rounded to the precision each source prints; models as printed: --format json):\n");
        sb.append(t.render());
        int i = 1;
        for (KnownMisprint m : notes.values()) {
            sb.append(Text.wrap("[" + i++ + "] " + m.where() + " (" + m.type() + "): printed "
                    + Units.printed(m.printed()) + ", arithmetic " + Units.printed(m.arithmetic()) + ". "
                    + m.explanation(), "    "));
        }
        return sb.toString();
    }

    private static String flag(String what, KnownMisprint m, Map<String, KnownMisprint> notes) {
        if (m == null) {
            return what + " (not explained)";
        }
        notes.putIfAbsent(m.id(), m);
        int n = new ArrayList<>(notes.keySet()).indexOf(m.id()) + 1;
        return what + " [" + n + "]";
    }

    private static String tables(List<PublishedComparison> g) {
        List<String> numbers = new ArrayList<>();
        for (PublishedComparison c : g) {
            Matcher m = TABLE.matcher(c.figure().sourceText());
            if (m.find() && !numbers.contains(m.group(1))) {
                numbers.add(m.group(1));
            }
        }
        if (numbers.isEmpty()) {
            return "";
        }
        return numbers.size() == 1 ? ", Table " + numbers.get(0) : ", Tables " + String.join(", ", numbers);
    }

    /** The counting convention, wrapped to the table width. */
    public static String convention() {
        return Text.wrap("Convention: " + CostModel.CONVENTION, "  ");
    }

    /** Used by tests: every line of {@code text} fits {@link Text#WIDTH} columns. */
    static boolean fitsWidth(String text) {
        return Arrays.stream(text.split("\n")).allMatch(l -> l.length() <= Text.WIDTH);
    }
}
