package org.mobilenetexplorer.accuracy;

/** How an accuracy value was obtained. */
public enum AccuracyKind {
    /** Printed by the source for exactly this network. */
    PUBLISHED,
    /** Interpolated between the source's points on its alpha x resolution grid. */
    INTERPOLATED,
    /** From the least-squares fit of accuracy against ln(MACs) over the source's points. */
    FITTED,
    /** No value: the source cannot say (see the reason). */
    NONE;

    /** True for values the source did not print. */
    public boolean estimated() {
        return switch (this) {
            case INTERPOLATED, FITTED -> true;
            case PUBLISHED, NONE -> false;
        };
    }

    /** Short tag for tables and exports: empty, "est. (interp.)", "est. (fit)", "n/a". */
    public String tag() {
        return switch (this) {
            case PUBLISHED -> "";
            case INTERPOLATED -> "est. (interp.)";
            case FITTED -> "est. (fit)";
            case NONE -> "n/a";
        };
    }
}
