package org.mobilenetexplorer.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mobilenetexplorer.model.BlockSpec;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.Family;
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

    private TableReport() {
    }

    /** The full report of {@code stats}. */
    public static String render(NetworkStats stats, PublishedData published) {
        StringBuilder sb = new StringBuilder();
        sb.append(Text.wrap(heading(stats.config()), "  ")).append('\n');
        sb.append(layers(stats));
        if (stats.config().family() != Family.V1) {
            sb.append(legend());
        }
        sb.append('\n');
        sb.append(byKind(stats)).append('\n');
        sb.append(memory(stats)).append('\n');
        String pub = published(stats, published);
        if (!pub.isEmpty()) {
            sb.append(pub).append('\n');
        }
        sb.append(convention(stats.config().family()));
        return sb.toString();
    }

    /** {@code MobileNet v1 1.0-224: alpha 1.0, resolution 224 (rho 1.000), 1000 classes, ...}. */
    static String heading(MobileNetConfig c) {
        if (c.family() != Family.V1) {
            return String.format(Locale.ROOT, "%s%s %s: width multiplier alpha %s, resolution %d (rho %.3f), %d classes,"
                            + " TF-Slim widths (make_divisible(d * alpha, 8); the last 1x1 convolution keeps its"
                            + " width below alpha 1)%s",
                    c.family().displayName(), c.minimalistic() ? " minimalistic" : "",
                    c.label().substring(c.familyLabel().length() + 1), MobileNetConfig.fmt(c.alpha()),
                    c.resolution(), c.rho(), c.classes(),
                    c.minimalistic() ? ", no squeeze-and-excite, no h-swish, 3x3 kernels" : "");
        }
        return String.format(Locale.ROOT, "MobileNet v1 %s: width multiplier alpha %s, resolution %d (rho %.3f), "
                        + "%d classes, %s rounding, %d of 5 blocks at 14x14, %s, %s",
                c.label(), MobileNetConfig.fmt(c.alpha()), c.resolution(), c.rho(), c.classes(), c.rounding().id(),
                c.blocks14(), c.standardConv() ? "standard 3x3 convolutions" : "depthwise-separable blocks",
                c.activation().id());
    }

    /**
     * The per-layer table with its totals row. V2/V3 tables group the layers of each block under a row naming the
     * block (its TF-Slim scope, input, output and what it is), the layers indented with their names inside it.
     */
    public static String layers(NetworkStats stats) {
        Family family = stats.config().family();
        List<Column> cols = Arrays.stream(Column.values()).filter(c -> c.inTable(family)).toList();
        TextTable t = new TextTable(cols.stream().map(Column::title).toList(), cols.stream().map(Column::align).toList());
        boolean grouped = family != Family.V1;
        for (LayerStats s : stats.layers()) {
            BlockSpec block = grouped ? stats.spec().blockOf(s.layer()).orElse(null) : null;
            if (block != null && block.firstLayer() == s.index()) {
                t.row(cols.stream().map(c -> blockCell(c, block, stats)).toArray(String[]::new));
            }
            t.row(cols.stream().map(c -> c == Column.LAYER && block != null
                    ? "  " + s.name().substring(block.name().length() + 1) : c.cell(s, stats)).toArray(String[]::new));
        }
        Totals totals = stats.totals();
        t.footer(cols.stream().map(c -> c.total(totals)).toArray(String[]::new));
        return t.render();
    }

    /** The row opening a block: its scope, {@code ir 3x3/2 x6 se}, the block's input and output shapes. */
    private static String blockCell(Column c, BlockSpec b, NetworkStats stats) {
        return switch (c) {
            case LAYER -> b.name();
            case OP -> b.op().kernel() + "x" + b.op().kernel() + "/" + b.op().stride()
                    + (b.hasExpansion() ? " x" + expansion(b.op().expansion()) : "")
                    + (b.hasSqueezeExcite() ? " se" : "") + (b.residual() ? " +" : "");
            case INPUT -> stats.spec().layers().get(b.firstLayer()).input().toString();
            case OUTPUT -> stats.spec().layers().get(b.lastLayer()).output().toString();
            case INDEX, KIND, KERNEL, STRIDE, MACS, MAC_SHARE, PARAMS, BN_PARAMS, OUTPUT_MEMORY, ELEMENTWISE -> "";
        };
    }

    /** An expansion factor in at most two decimals: 6, 2.5, 2.3, 3.67. */
    private static String expansion(double e) {
        String s = String.format(Locale.ROOT, "%.2f", e).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** The line under a V2/V3 layer table saying what its block rows and last column mean. */
    static String legend() {
        return Text.wrap("Block rows (TF-Slim scope): depthwise kernel/stride, xN expansion factor (no N: no expansion"
                + " convolution), se = squeeze-and-excite, + = residual add. Eltw: elementwise operations, the"
                + " arithmetic MACs leave out (see the convention).", "  ");
    }

    /** MACs and params by layer kind, as in the V1 paper's Table 2 (V2/V3: with the elementwise operations). */
    public static String byKind(NetworkStats stats) {
        boolean v1 = stats.config().family() == Family.V1;
        List<String> headers = new ArrayList<>(List.of(v1 ? "By kind (paper Table 2)" : "By kind", "Layers",
                "MACs (M)", "MACs %", "Params (K)", "Params %"));
        List<Align> aligns = new ArrayList<>(List.of(Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT,
                Align.RIGHT));
        if (!v1) {
            headers.add("Eltw (K)");
            aligns.add(Align.RIGHT);
        }
        TextTable t = new TextTable(headers, aligns);
        List<KindShare> shares = new ArrayList<>(stats.byKind().values());
        shares.sort((a, b) -> Long.compare(b.macs(), a.macs()));
        for (KindShare k : shares) {
            List<String> row = new ArrayList<>(List.of(KindNames.table2(k.kind(), stats), Integer.toString(k.layers()),
                    Units.millionsExact(k.macs()), Units.percent(k.macShare()), Units.thousandsExact(k.params()),
                    Units.percent(k.paramShare())));
            if (!v1) {
                row.add(Units.thousandsExact(k.elementwiseOps()));
            }
            t.row(row.toArray(String[]::new));
        }
        return t.render();
    }

    /** Peak activation memory and parameter memory. */
    static String memory(NetworkStats stats) {
        Totals t = stats.totals();
        String alive = stats.config().family() == Family.V1 ? "its input and output alive at once"
                : "its output and every earlier output still to be read, e.g. a residual block's input";
        return Text.wrap(String.format(Locale.ROOT, "Peak activation memory: %s MiB at %s (%s; FP32, batch 1). Final"
                        + " feature map %dx%d.",
                Units.mebibytes(t.peakActivationBytes()), t.peakLayer(), alive, stats.finalFeatureMap(),
                stats.finalFeatureMap()), "  ")
                + Text.wrap(String.format(Locale.ROOT, "Parameter memory: %s MiB FP32 (%d params + %d batch-norm"
                        + " values).", Units.mebibytes(t.parameterBytes()), t.params(), t.bnParams()), "  ")
                + weightsByPrecision(stats);
    }

    /** The deployed weights (batch norm folded) in FP32 and INT8: about the model file size of each. */
    static String weightsByPrecision(NetworkStats stats) {
        WeightMemory w = WeightMemory.of(stats);
        return Text.wrap(String.format(Locale.ROOT, "Weights by precision (batch norm folded, about the model file"
                        + " size): %s MiB FP32, %s MiB INT8 (int8 weights + an int32 bias, scales and zero points per"
                        + " output channel; first convolution FP32).", Units.mebibytes(w.fp32Bytes()),
                Units.mebibytes(w.int8Bytes())), "  ");
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
        Map<String, KnownMisprint> notes = new LinkedHashMap<>();
        String table = publishedTable(groups.values(), notes, false);
        if (!fitsWidth(table)) { // a long source and table name (V3's): the table on a line of its own
            notes.clear();
            table = publishedTable(groups.values(), notes, true);
        }
        StringBuilder sb = new StringBuilder(Text.wrap("Published figures for " + stats.config().label()
                + " (ours rounded to the precision each source prints; models as printed: --format json):", "  "));
        sb.append(table);
        int i = 1;
        for (KnownMisprint m : notes.values()) {
            sb.append(Text.wrap("[" + i++ + "] " + m.where() + " (" + m.kind() + "): printed "
                    + Units.printed(m.printed()) + ", arithmetic " + Units.printed(m.arithmetic()) + ". "
                    + m.explanation(), "    "));
        }
        return sb.toString();
    }

    /** The published rows as a table; {@code splitTables}: each row's tables on a line below its source. */
    private static String publishedTable(Iterable<List<PublishedComparison>> groups, Map<String, KnownMisprint> notes,
                                         boolean splitTables) {
        TextTable t = new TextTable(List.of("Published (source)", "Top-1 %", "MACs (M)", "ours", "Params (M)", "ours",
                "Differs (notes below)"), List.of(Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT,
                Align.RIGHT, Align.LEFT));
        for (List<PublishedComparison> g : groups) {
            PublishedComparison c = g.get(0);
            PublishedFigure f = c.figure();
            List<String> flags = new ArrayList<>();
            if (c.macsDiffer()) {
                flags.add(flag("MACs", c.macsNote().orElse(null), notes));
            }
            if (c.paramsDiffer()) {
                flags.add(flag("params", c.paramsNote().orElse(null), notes));
            }
            String tables = tables(g);
            boolean split = splitTables && !tables.isEmpty();
            t.row(c.sourceName() + (split ? "," : tables), f.top1() == null ? "" : Units.printed(f.top1()),
                    f.millionMacs() == null ? "" : Units.printed(f.millionMacs()),
                    c.ourMacs() == null ? "" : c.ourMacs().toPlainString(),
                    f.millionParams() == null ? "" : Units.printed(f.millionParams()),
                    c.ourParams() == null ? "" : c.ourParams().toPlainString(), String.join(", ", flags));
            if (split) {
                t.row("  " + tables.substring(2), "", "", "", "", "", "");
            }
        }
        return t.render();
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
        List<String> named = new ArrayList<>();
        for (PublishedComparison c : g) {
            Integer n = c.figure().tableNumber();
            String label = c.figure().tableLabel();
            if (n != null && !numbers.contains(n.toString())) {
                numbers.add(n.toString());
            } else if (n == null && label != null && !named.contains(label)) {
                named.add(label);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!numbers.isEmpty()) {
            parts.add((numbers.size() == 1 ? "Table " : "Tables ") + String.join(", ", numbers));
        }
        parts.addAll(named);
        return parts.isEmpty() ? "" : ", " + String.join(", ", parts);
    }

    /** The counting convention as V1 reports print it, wrapped to the table width. */
    public static String convention() {
        return convention(Family.V1);
    }

    /** The counting convention for a table of {@code family}, wrapped to the table width. */
    public static String convention(Family family) {
        return Text.wrap("Convention: " + CostModel.convention(family), "  ");
    }

    /** Used by tests: every line of {@code text} fits {@link Text#WIDTH} columns. */
    static boolean fitsWidth(String text) {
        return Arrays.stream(text.split("\n")).allMatch(l -> l.length() <= Text.WIDTH);
    }
}
