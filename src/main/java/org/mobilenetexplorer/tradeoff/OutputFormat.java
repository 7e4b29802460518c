package org.mobilenetexplorer.tradeoff;

import java.util.Locale;

/** How the {@code tradeoff} command prints its points. */
public enum OutputFormat {
    TABLE, CSV, JSON;

    public static OutputFormat fromId(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown format '" + s + "' (known: table, csv, json)");
        }
    }
}
