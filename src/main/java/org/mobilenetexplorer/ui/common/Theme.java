package org.mobilenetexplorer.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import org.mobilenetexplorer.chart.ChartColors;

/**
 * The window's looks (View menu, remembered): AtlantaFX's Primer themes as the user-agent stylesheet, our
 * explorer.css on top (it uses the theme's colour variables, so it fits both), and the matching chart colours.
 */
public enum Theme {
    LIGHT("light", "Light"),
    DARK("dark", "Dark");

    private final String id;
    private final String title;

    Theme(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The id remembered in the settings. */
    public String id() {
        return id;
    }

    /** The name in the View menu. */
    public String title() {
        return title;
    }

    /** The theme with {@code id}; {@link #LIGHT} for an unknown or missing one (settings from another version). */
    public static Theme fromId(String id) {
        for (Theme t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return LIGHT;
    }

    /** The colours of the charts in the window (exports keep {@link ChartColors#LIGHT}). */
    public ChartColors chartColors() {
        return switch (this) {
            case LIGHT -> ChartColors.LIGHT;
            case DARK -> ChartColors.DARK;
        };
    }

    /** Makes this the look of every window of the application, dialogs included (JavaFX thread). */
    public void apply() {
        Application.setUserAgentStylesheet(switch (this) {
            case LIGHT -> new PrimerLight().getUserAgentStylesheet();
            case DARK -> new PrimerDark().getUserAgentStylesheet();
        });
    }
}
