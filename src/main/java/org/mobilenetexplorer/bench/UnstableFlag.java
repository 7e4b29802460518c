package org.mobilenetexplorer.bench;

import java.util.Objects;

/**
 * One reason a measurement is unstable.
 *
 * @param kind   what
 * @param reason the figures behind it, e.g. "CV 14.2% > 10%"
 */
public record UnstableFlag(Instability kind, String reason) {
    public UnstableFlag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}
