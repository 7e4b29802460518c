package org.mobilenetexplorer.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.ParamsConvention;
import org.mobilenetexplorer.model.Totals;
import org.mobilenetexplorer.published.KnownMisprint;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedFigure;
import org.mobilenetexplorer.published.PublishedQuantity;
import org.mobilenetexplorer.published.PublishedSource;
import org.mobilenetexplorer.published.Verdict;

/**
 * A published row of any family beside our numbers: ours rounded (half up) to the precision the source prints, and
 * whether they differ. The one verdict on published figures ({@link #macsVerdict()}, {@link #paramsVerdict()}): the
 * CLI's tables and JSON and the GUI's Explore view all use it.
 * Printed params are held against ours ({@link #PARAMS}); a figure counted another way (TF-Slim's, Keras') differs
 * and is explained by a recorded {@code convention} entry.
 *
 * @param figure        the published row
 * @param sourceName    its source's human name
 * @param ourMacs       our million MACs rounded to the printed precision, or null when the row prints none
 * @param macsDiffer    true when the printed MACs differ from {@code ourMacs}
 * @param macsNote      the recorded explanation of a MACs difference, if any
 * @param ourParams     our million params rounded to the printed precision, or null
 * @param paramsDiffer  true when the printed params differ from {@code ourParams}
 * @param paramsNote    the recorded explanation of a params difference, if any
 */
public record PublishedComparison(PublishedFigure figure, String sourceName, BigDecimal ourMacs, boolean macsDiffer,
                                  Optional<KnownMisprint> macsNote, BigDecimal ourParams, boolean paramsDiffer,
                                  Optional<KnownMisprint> paramsNote) {

    /** The convention printed params are held against: ours. */
    public static final ParamsConvention PARAMS = ParamsConvention.WEIGHTS_AND_BIASES;

    /** True when any printed number differs from ours at its printed precision. */
    public boolean differs() {
        return macsDiffer || paramsDiffer;
    }

    /** The verdict on the printed MACs; empty when the row prints none. */
    public Optional<Verdict> macsVerdict() {
        return verdict(figure.millionMacs(), macsDiffer, macsNote);
    }

    /** The verdict on the printed params; empty when the row prints none. */
    public Optional<Verdict> paramsVerdict() {
        return verdict(figure.millionParams(), paramsDiffer, paramsNote);
    }

    private static Optional<Verdict> verdict(Double printed, boolean differs, Optional<KnownMisprint> note) {
        if (printed == null) {
            return Optional.empty();
        }
        if (!differs) {
            return Optional.of(Verdict.MATCH);
        }
        return Optional.of(note.map(KnownMisprint::verdict).orElse(Verdict.UNEXPLAINED));
    }

    /**
     * The published rows describing {@code stats}' configuration (any family, alpha and resolution: empty where
     * nothing is published), compared with our totals.
     */
    public static List<PublishedComparison> of(NetworkStats stats, PublishedData data) {
        List<PublishedComparison> out = new ArrayList<>();
        for (PublishedFigure f : data.describing(stats.config())) {
            if (f.millionMacs() == null && f.millionParams() == null) {
                continue;
            }
            out.add(compare(f, stats.totals(), data));
        }
        return List.copyOf(out);
    }

    /** Compares one published row (printed MACs and params may be missing) with our totals. */
    public static PublishedComparison compare(PublishedFigure f, Totals ours, PublishedData data) {
        return compare(f, ours.macs(), PARAMS.count(ours), data);
    }

    /** Compares one published row with exact counts (MACs, and params in {@link #PARAMS}). */
    public static PublishedComparison compare(PublishedFigure f, long macs, long params, PublishedData data) {
        String name = data.source(f.sourceId()).map(PublishedSource::name).orElse(f.sourceText());
        BigDecimal ourMacs = null;
        boolean macsDiffer = false;
        if (f.millionMacs() != null) {
            ourMacs = Units.millions(macs, Units.printedScale(f.millionMacs()));
            macsDiffer = ourMacs.compareTo(BigDecimal.valueOf(f.millionMacs())) != 0;
        }
        BigDecimal ourParams = null;
        boolean paramsDiffer = false;
        if (f.millionParams() != null) {
            ourParams = Units.millions(params, Units.printedScale(f.millionParams()));
            paramsDiffer = ourParams.compareTo(BigDecimal.valueOf(f.millionParams())) != 0;
        }
        return new PublishedComparison(f, name, ourMacs, macsDiffer,
                macsDiffer ? data.misprint(f, PublishedQuantity.MILLION_MACS) : Optional.empty(),
                ourParams, paramsDiffer,
                paramsDiffer ? data.misprint(f, PublishedQuantity.MILLION_PARAMS) : Optional.empty());
    }
}
