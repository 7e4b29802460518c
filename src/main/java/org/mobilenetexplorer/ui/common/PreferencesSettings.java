package org.mobilenetexplorer.ui.common;

import java.util.Optional;
import java.util.prefs.Preferences;

/** {@link Settings} in a {@link Preferences} node (the user node of the app, or any node a caller chooses). */
public final class PreferencesSettings implements Settings {
    /** The app's node (kept from before the ui packages were split, so remembered state survives). */
    public static final String NODE = "org/mobilenetexplorer/ui";
    private final Preferences node;

    public PreferencesSettings(Preferences node) {
        this.node = node;
    }

    /** The app's own node under the user root. */
    public static PreferencesSettings forUser() {
        return new PreferencesSettings(Preferences.userRoot().node(NODE));
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(node.get(key, null));
    }

    @Override
    public void put(String key, String value) {
        node.put(key, value);
    }

    @Override
    public void remove(String key) {
        node.remove(key);
    }
}
