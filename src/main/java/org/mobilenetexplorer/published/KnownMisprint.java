package org.mobilenetexplorer.published;

import java.util.List;
import java.util.Objects;
import org.mobilenetexplorer.model.Family;

/**
 * A published number that differs from the arithmetic, recorded as data (our computed value is the truth; the
 * printed one stays for display). Also shown by the GUI's Learn view.
 *
 * @param id          short stable id
 * @param type        {@code misprint} (a wrong number) or {@code convention} (a different counting convention)
 * @param where       the table and row, e.g. "paper Table 7, 1.0 MobileNet-160"
 * @param sourceIds   the {@link PublishedSource} ids that print it (the same table copied into several sources)
 * @param family      the family of the row
 * @param minimalistic true for a row of V3's minimalistic variant
 * @param alpha       width multiplier of the row
 * @param resolution  input resolution of the row, or null when the entry holds at every resolution
 * @param layerKind   for a share: the layer kind's name ({@code CONV}, ...); null otherwise
 * @param quantity    which number
 * @param printed     the number as printed
 * @param arithmetic  the number the arithmetic gives, in the printed unit
 * @param fits        how the printed number is reproduced after all (truncated, another architecture), or null
 * @param explanation what is known about the difference
 */
public record KnownMisprint(String id, String type, String where, List<String> sourceIds, Family family,
                            boolean minimalistic, double alpha, Integer resolution, String layerKind,
                            PublishedQuantity quantity, double printed, double arithmetic, PublishedFit fits,
                            String explanation) {

    public KnownMisprint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(family, () -> "known misprint " + id + ": family missing");
        if (!"misprint".equals(type) && !"convention".equals(type)) {
            throw new IllegalArgumentException("known misprint " + id + ": type = " + type
                    + ": must be misprint or convention");
        }
        sourceIds = List.copyOf(sourceIds);
    }

    /** What the printed figure is: truncated, a misprint or another convention (never a match). */
    public Verdict verdict() {
        if (fits == PublishedFit.TRUNCATED) {
            return Verdict.TRUNCATED;
        }
        return "misprint".equals(type) ? Verdict.MISPRINT : Verdict.OTHER_CONVENTION;
    }

    /**
     * The entry's type as the reports head its note: {@code misprint}, {@code convention}, or with how the figure
     * is reproduced after all, e.g. {@code convention: truncated, not rounded}.
     */
    public String kind() {
        if (fits == null) {
            return type;
        }
        return type + ": " + switch (fits) {
            case TRUNCATED -> "truncated, not rounded";
            case V3_SMALL_HEAD_1280 -> ("misprint".equals(type) ? "stale figure of" : "describes")
                    + " V3-Small with a 1280-channel last layer";
        };
    }

    /** True when this entry explains {@code quantity} of the published row {@code f} as printed. */
    public boolean explains(PublishedFigure f, PublishedQuantity q) {
        if (q != quantity || !sourceIds.contains(f.sourceId()) || !f.isMobileNet() || f.family() != family
                || f.minimalistic() != minimalistic) {
            return false;
        }
        Double value = switch (q) {
            case MILLION_MACS -> f.millionMacs();
            case MILLION_PARAMS -> f.millionParams();
            case MAC_SHARE_PERCENT, PARAM_SHARE_PERCENT -> null;
        };
        return value != null && value == printed && Math.abs(f.alpha() - alpha) < 1e-9
                && (resolution == null || f.resolution().equals(resolution));
    }
}
