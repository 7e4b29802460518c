package org.mobilenetexplorer.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mobilenetexplorer.published.KnownMisprint;
import org.mobilenetexplorer.published.PublishedQuantity;
import org.mobilenetexplorer.model.Totals;
import org.mobilenetexplorer.published.PublishedFigure;

/** Holds a published figure against our computed totals, to the precision the figure was printed with. */
final class PublishedCheck {
    /** "... Table 9" at the end of a source text (searched, not matched with a leading ".*": that backtracked). */
    private static final Pattern TRAILING_TABLE = Pattern.compile("\\bTable\\s*(\\d+)$");

    private PublishedCheck() {
    }

    /** True when {@code printed} (million) equals {@code exact} to the printed precision (round half up). */
    static boolean agrees(Double printed, long exact) {
        if (printed == null) {
            return true;
        }
        int decimals = Math.max(BigDecimal.valueOf(printed).stripTrailingZeros().scale(), 0);
        double tolerance = 0.5 * Math.pow(10, -decimals) + 1e-9;
        return Math.abs(exact / 1e6 - printed) <= tolerance;
    }

    /** The row for {@code f}, checked against {@code ours} (MACs; params in the paper's weights-only convention). */
    static PublishedRow row(PublishedFigure f, String sourceName, String citation, Totals ours,
                            List<KnownMisprint> known) {
        boolean macsOk = agrees(f.millionMacs(), ours.macs());
        boolean paramsOk = agrees(f.millionParams(), ours.weights()) || agrees(f.millionParams(), ours.params());
        String check;
        if (f.millionMacs() == null) {
            check = "no MACs printed";
        } else if (macsOk && paramsOk) {
            check = "matches ours";
        } else if (!macsOk) {
            check = "ours " + Formats.fixed(ours.macs() / 1e6, 2) + " M MACs";
        } else {
            check = "ours " + Formats.fixed(ours.weights() / 1e6, 2) + " M weights";
        }
        String notes = f.notes() == null ? "" : f.notes();
        boolean explained = false;
        for (KnownMisprint k : known) {
            if ((!macsOk && k.explains(f, PublishedQuantity.MILLION_MACS))
                    || (!paramsOk && k.explains(f, PublishedQuantity.MILLION_PARAMS))) {
                check = ("convention".equals(k.type()) ? "other convention; " : "known misprint; ") + check;
                notes = k.explanation() + (notes.isEmpty() ? "" : " | " + notes);
                explained = true;
                break;
            }
        }
        if (!explained && f.millionMacs() != null && !(macsOk && paramsOk)) {
            check = "differs; " + check;
        }
        String text = f.sourceText() == null ? "" : f.sourceText();
        Matcher m = TRAILING_TABLE.matcher(text);
        // the table first: in a narrow column "Table 8 · Howard et al. ..." still tells the paper's rows apart
        String source = m.find() ? "Table " + m.group(1) + " \u00b7 " + sourceName : sourceName;
        return new PublishedRow(source, f.model(), num(f.millionMacs()), num(f.millionParams()),
                num(f.top1()), check, macsOk && paramsOk, notes, citation);
    }

    private static String num(Double d) {
        return d == null ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
