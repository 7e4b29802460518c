package org.mobilenetexplorer.chart;

import java.nio.file.Path;
import java.util.Locale;

/** Chart export formats, chosen by the file extension. */
public enum ExportFormat {
    PNG, SVG, PDF, CSV, JSON;

    /** The format of {@code file} from its extension. */
    public static ExportFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.name().equals(ext)) {
                return f;
            }
        }
        throw new IllegalArgumentException("--out " + file + ": unknown extension '" + (dot < 0 ? "" : name.substring(dot))
                + "' (known: .png, .svg, .pdf, .csv, .json)");
    }

    /** True for picture formats (the others export the plotted data). */
    public boolean isImage() {
        return switch (this) {
            case PNG, SVG, PDF -> true;
            case CSV, JSON -> false;
        };
    }
}
