package org.mobilenetexplorer.ui.common;

import java.util.Optional;

/**
 * Where the app remembers things between launches (window size, last configuration, last folders, recent
 * files). The app uses {@link PreferencesSettings}; tests use {@link MemorySettings} so they never touch the
 * user's preferences.
 */
public interface Settings {

    Optional<String> get(String key);

    void put(String key, String value);

    void remove(String key);

    default String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    default double getDouble(String key, double fallback) {
        try {
            return get(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
