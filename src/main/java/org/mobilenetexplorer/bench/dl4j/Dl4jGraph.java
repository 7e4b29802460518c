package org.mobilenetexplorer.bench.dl4j;

import java.util.Locale;
import org.mobilenetexplorer.bench.BackendException;

/** How the DL4J network is laid out. */
public enum Dl4jGraph {
    /**
     * Batch norm folded into the convolution's weights and a bias, activation fused on the convolution layer:
     * what deployed runtimes execute (27 + 3 layers).
     */
    FOLDED,
    /**
     * Convolution (no bias), BatchNormalization and ActivationLayer as separate layers, as trained (81 + 3 layers).
     * The activation must be its own layer: a BatchNormalization built with {@code .activation(RELU)} silently
     * skips the ReLU at inference in DL4J 1.0.0-M2.1.
     */
    UNFOLDED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Dl4jGraph fromId(String id) throws BackendException {
        return parse(id).orElseThrow(() -> new BackendException(Dl4jBackend.KEY_GRAPH + " = " + id
                + ": must be folded or unfolded"));
    }

    /** The graph named {@code id}, if any. */
    static java.util.Optional<Dl4jGraph> parse(String id) {
        for (Dl4jGraph g : values()) {
            if (g.id().equals(id)) {
                return java.util.Optional.of(g);
            }
        }
        return java.util.Optional.empty();
    }
}
