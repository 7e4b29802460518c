package org.mobilenetexplorer.ui.explore;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.mobilenetexplorer.model.Totals;
import org.mobilenetexplorer.published.KnownMisprint;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedFigure;
import org.mobilenetexplorer.report.PublishedComparison;
import org.mobilenetexplorer.ui.common.Formats;

/**
 * A published figure as a row of the Explore view. Whether it agrees with ours is decided by
 * {@link PublishedComparison}, the same verdict as the CLI's; this class only words it.
 */
final class PublishedRows {
    private PublishedRows() {
    }

    /** The row for {@code f} (any family), checked against {@code ours}. */
    static PublishedRow row(PublishedFigure f, String citation, Totals ours, PublishedData data) {
        PublishedComparison c = PublishedComparison.compare(f, ours, data);
        String check;
        if (f.millionMacs() == null) {
            check = "no MACs printed";
        } else if (!c.differs()) {
            check = "matches ours";
        } else if (c.macsDiffer()) {
            check = "ours " + Formats.fixed(ours.macs() / 1e6, 2) + " M MACs";
        } else {
            check = "ours " + Formats.fixed(PublishedComparison.PARAMS.count(ours) / 1e6, 2) + " M params";
        }
        String notes = f.notes() == null ? "" : f.notes();
        // the first recorded explanation (in the data's order) of what differs
        List<KnownMisprint> known = data.knownMisprints();
        Optional<KnownMisprint> note = Stream.of(c.macsNote(), c.paramsNote()).flatMap(Optional::stream)
                .min(Comparator.comparingInt(known::indexOf));
        if (note.isPresent()) {
            KnownMisprint k = note.get();
            check = switch (k.verdict()) {
                case TRUNCATED -> "truncated, not rounded; ";
                case MISPRINT -> "known misprint; ";
                case OTHER_CONVENTION -> "other convention; ";
                case MATCH, UNEXPLAINED -> "differs; ";
            } + check;
            notes = k.explanation() + (notes.isEmpty() ? "" : " | " + notes);
        } else if (f.millionMacs() != null && c.differs()) {
            check = "differs; " + check;
        }
        String table = f.tableLabel();
        // the table first: in a narrow column "Table 8 · Howard et al. ..." still tells the paper's rows apart
        String source = table == null ? c.sourceName() : table + " \u00b7 " + c.sourceName();
        return new PublishedRow(source, f.model(), num(f.millionMacs()), num(f.millionParams()),
                num(f.top1()), check, !c.differs(), notes, citation);
    }

    private static String num(Double d) {
        return d == null ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
