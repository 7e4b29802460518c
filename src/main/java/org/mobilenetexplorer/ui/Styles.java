package org.mobilenetexplorer.ui;

import javafx.css.PseudoClass;

/** The pseudo-classes the stylesheet styles (looks live in explorer.css, never in code). */
final class Styles {
    /** A published figure our arithmetic does not reproduce. */
    static final PseudoClass MISMATCH = PseudoClass.getPseudoClass("mismatch");
    /** Large fonts for lecture halls (set on the scene root). */
    static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");
    /** A benchmark result flagged unstable. */
    static final PseudoClass UNSTABLE = PseudoClass.getPseudoClass("unstable");
    /** The baseline column or row of a comparison. */
    static final PseudoClass BASELINE = PseudoClass.getPseudoClass("baseline");

    static final String STYLESHEET = "/org/mobilenetexplorer/ui/explorer.css";

    private Styles() {
    }
}
