package org.mobilenetexplorer.model;

/**
 * A backend or view that cannot build a family yet refuses it rather than build something wrong:
 * {@code dl4j: family v2 is not supported yet (v1 only)}.
 */
public final class UnsupportedFamilyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String backend;
    private final Family family;

    public UnsupportedFamilyException(String backend, Family family, java.util.Set<Family> supported) {
        super(backend + ": family " + family.id() + " is not supported yet ("
                + String.join(", ", supported.stream().map(Family::id).toList()) + " only)");
        this.backend = backend;
        this.family = family;
    }

    /** Refuses {@code config} unless its family is in {@code supported}. */
    public static void require(String backend, MobileNetConfig config, java.util.Set<Family> supported) {
        if (!supported.contains(config.family())) {
            throw new UnsupportedFamilyException(backend, config.family(), supported);
        }
    }

    public String backend() {
        return backend;
    }

    public Family family() {
        return family;
    }
}
