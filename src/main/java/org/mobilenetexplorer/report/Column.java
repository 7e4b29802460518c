package org.mobilenetexplorer.report;

import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.Totals;

/**
 * The per-layer columns: one enum keys the table header (with its unit), the CSV header and every value, so a
 * column added here appears in the table and the CSV without a second edit. A few columns exist in one view only:
 * the table merges kind, kernel and stride into {@link #OP} to fit 120 columns, the CSV keeps them apart.
 */
public enum Column {
    INDEX("#", "index", Align.RIGHT, true, true),
    LAYER("Layer", "name", Align.LEFT, true, true),
    OP("Op", "op", Align.LEFT, true, false),
    KIND("Kind", "kind", Align.LEFT, false, true),
    KERNEL("Kernel", "kernel", Align.RIGHT, false, true),
    STRIDE("Stride", "stride", Align.RIGHT, false, true),
    INPUT("Input HxWxC", "input", Align.RIGHT, true, true),
    OUTPUT("Output HxWxC", "output", Align.RIGHT, true, true),
    MACS("MACs (M)", "macs", Align.RIGHT, true, true),
    MAC_SHARE("MACs %", "mac_share", Align.RIGHT, true, true),
    PARAMS("Params (K)", "params", Align.RIGHT, true, true),
    BN_PARAMS("BN (K)", "bn_params", Align.RIGHT, true, true),
    OUTPUT_MEMORY("Out (MiB)", "output_bytes", Align.RIGHT, true, true),
    /** Elementwise operations (not MACs): V2/V3 tables and CSV only, so V1's outputs stay as they were. */
    ELEMENTWISE("Eltw (K)", "elementwise_ops", Align.RIGHT, true, true);

    private final String title;
    private final String key;
    private final Align align;
    private final boolean inTable;
    private final boolean inCsv;

    Column(String title, String key, Align align, boolean inTable, boolean inCsv) {
        this.title = title;
        this.key = key;
        this.align = align;
        this.inTable = inTable;
        this.inCsv = inCsv;
    }

    /** Table header, with the unit. */
    public String title() {
        return title;
    }

    /** Machine name (CSV header): values under it are exact and unscaled. */
    public String key() {
        return key;
    }

    /** True when the text table shows this column (V1's table). */
    public boolean inTable() {
        return inTable && this != ELEMENTWISE;
    }

    /** True when the CSV carries this column (V1's CSV). */
    public boolean inCsv() {
        return inCsv && this != ELEMENTWISE;
    }

    /**
     * True when the table of {@code family} shows this column. V1's table is what it always was; V2/V3 tables add
     * the elementwise operations and leave the per-layer output memory to the CSV (120 columns).
     */
    public boolean inTable(Family family) {
        return family == Family.V1 ? inTable() : inTable && this != OUTPUT_MEMORY;
    }

    /** True when the CSV of {@code family} carries this column (V2/V3 add elementwise_ops). */
    public boolean inCsv(Family family) {
        return family == Family.V1 ? inCsv() : inCsv;
    }

    Align align() {
        return align;
    }

    /** The exact, unscaled value for CSV: integers for counts, a fraction (0..1) for the share. */
    public String raw(LayerStats s, NetworkStats n) {
        return switch (this) {
            case INDEX -> Integer.toString(s.index());
            case LAYER -> s.name();
            case OP -> op(s);
            case KIND -> s.kind().name();
            case KERNEL -> Integer.toString(s.layer().kernel());
            case STRIDE -> Integer.toString(s.layer().stride());
            case INPUT -> s.layer().input().toString();
            case OUTPUT -> s.layer().output().toString();
            case MACS -> Long.toString(s.macs());
            case MAC_SHARE -> Double.toString(share(s.macs(), n.totals().macs()));
            case PARAMS -> Long.toString(s.params());
            case BN_PARAMS -> Long.toString(s.bnParams());
            case OUTPUT_MEMORY -> Long.toString(s.outputBytes());
            case ELEMENTWISE -> Long.toString(s.elementwiseOps());
        };
    }

    /** The value as the table shows it, in the header's unit. */
    public String cell(LayerStats s, NetworkStats n) {
        return switch (this) {
            case INDEX, LAYER, OP, KIND, KERNEL, STRIDE, INPUT, OUTPUT -> raw(s, n);
            case MACS -> Units.millionsExact(s.macs());
            case MAC_SHARE -> Units.percent(share(s.macs(), n.totals().macs()));
            case PARAMS -> Units.thousandsExact(s.params());
            case BN_PARAMS -> Units.thousandsExact(s.bnParams());
            case OUTPUT_MEMORY -> Units.mebibytes2(s.outputBytes());
            case ELEMENTWISE -> Units.thousandsExact(s.elementwiseOps());
        };
    }

    /** The totals-row cell: the column's sum where summing means something, else blank. */
    public String total(Totals t) {
        return switch (this) {
            case INDEX, KIND, KERNEL, STRIDE, INPUT, OUTPUT, OUTPUT_MEMORY -> "";
            case LAYER -> "Total";
            case OP -> t.layers() + " layers";
            case MACS -> Units.millionsExact(t.macs());
            case MAC_SHARE -> t.macs() == 0 ? "" : "100.00";
            case PARAMS -> Units.thousandsExact(t.params());
            case BN_PARAMS -> Units.thousandsExact(t.bnParams());
            case ELEMENTWISE -> Units.thousandsExact(t.elementwiseOps());
        };
    }

    /** {@code conv 3x3/2}, {@code dw 3x3/1}, {@code pw 1x1}, {@code avgpool 7x7}, {@code fc}, {@code softmax}. */
    static String op(LayerStats s) {
        int k = s.layer().kernel();
        int stride = s.layer().stride();
        return switch (s.kind()) {
            case CONV -> "conv " + k + "x" + k + "/" + stride;
            case DEPTHWISE -> "dw " + k + "x" + k + "/" + stride;
            case POINTWISE -> "pw 1x1" + (stride == 1 ? "" : "/" + stride);
            case SE_CONV -> "se 1x1";
            case AVG_POOL -> "avgpool " + k + "x" + k;
            case FC -> "fc";
            case SOFTMAX -> "softmax";
            case ADD -> "add";
            case MULTIPLY -> "mul";
        };
    }

    private static double share(long part, long total) {
        return total == 0 ? 0.0 : part / (double) total;
    }
}
