package org.mobilenetexplorer.ui.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mobilenetexplorer.ui.common.Settings;
import org.mobilenetexplorer.ui.common.Theme;

/**
 * The window's own state: the selected view, presentation mode, the theme, the status line and the window's bounds, with
 * what of it is remembered between launches. The per-view state lives in each feature's view-model.
 */
public final class MainViewModel {
    static final String K_VIEW = "view";
    static final String K_PRESENTATION = "presentation";
    static final String K_THEME = "theme";
    static final String READY = "Ready. Move the alpha and resolution sliders: every number updates at once.";

    private final Settings settings;
    private final ObjectProperty<AppView> view = new SimpleObjectProperty<>(this, "view", AppView.EXPLORE);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation", false);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");

    public MainViewModel(Settings settings) {
        this.settings = settings;
        settings.get(K_VIEW).ifPresent(v -> {
            try {
                view.set(AppView.valueOf(v));
            } catch (IllegalArgumentException e) {
                view.set(AppView.EXPLORE);
            }
        });
        presentation.set(Boolean.parseBoolean(settings.get(K_PRESENTATION, "false")));
        theme.set(Theme.fromId(settings.get(K_THEME, Theme.LIGHT.id())));
        theme.addListener((o, a, t) -> settings.put(K_THEME, t.id()));
        status.set(READY);
    }

    /** Remembers the view and the mode for the next launch. */
    public void saveState() {
        settings.put(K_VIEW, view.get().name());
        settings.put(K_PRESENTATION, Boolean.toString(presentation.get()));
    }

    /** Window bounds {x, y, width, height} remembered from the last launch, each else from {@code fallback}. */
    public double[] windowBounds(double[] fallback) {
        return new double[] {settings.getDouble("window.x", fallback[0]), settings.getDouble("window.y", fallback[1]),
            settings.getDouble("window.w", fallback[2]), settings.getDouble("window.h", fallback[3])};
    }

    public void rememberWindowBounds(double x, double y, double w, double h) {
        settings.put("window.x", Double.toString(x));
        settings.put("window.y", Double.toString(y));
        settings.put("window.w", Double.toString(w));
        settings.put("window.h", Double.toString(h));
    }

    /** Shows one line in the status bar (view-models without a dialog report here). */
    public void reportStatus(String text) {
        status.set(text);
    }

    /**
     * The configuration changed: a status line about an earlier action (an error that the change resolves, a
     * preset that failed to load, an unexpected error) is out of date, so the bar goes back to the ready line.
     * A line reported after the change (a preset loaded just now) stays.
     */
    public void configurationChanged() {
        status.set(READY);
    }

    public ObjectProperty<AppView> viewProperty() {
        return view;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /** Light or dark (View menu); remembered as soon as it changes. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
