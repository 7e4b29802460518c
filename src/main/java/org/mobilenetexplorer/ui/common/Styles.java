package org.mobilenetexplorer.ui.common;

import javafx.css.PseudoClass;

/** The pseudo-classes the stylesheet styles (looks live in explorer.css, never in code). */
public final class Styles {
    /** A published figure our arithmetic does not reproduce. */
    public static final PseudoClass MISMATCH = PseudoClass.getPseudoClass("mismatch");
    /** Large fonts for lecture halls (set on the scene root). */
    public static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");
    /** The dark theme (set on the scene root beside AtlantaFX's dark stylesheet). */
    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    /** A benchmark result flagged unstable. */
    public static final PseudoClass UNSTABLE = PseudoClass.getPseudoClass("unstable");
    /** The baseline column or row of a comparison. */
    public static final PseudoClass BASELINE = PseudoClass.getPseudoClass("baseline");

    public static final String STYLESHEET = "/org/mobilenetexplorer/ui/explorer.css";

    private Styles() {
    }
}
