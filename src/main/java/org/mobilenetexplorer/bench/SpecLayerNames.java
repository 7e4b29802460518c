package org.mobilenetexplorer.bench;

import java.util.Optional;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerSpec;

/**
 * Maps a runtime's node or layer name back to the spec layer it implements, for per-layer profiles. Backends name
 * their nodes after spec layers ({@code Conv2d_3_depthwise}, {@code Conv2d_3_depthwise/BatchNorm}); runtimes that
 * fuse or rewrite nodes keep the name as a prefix ({@code Conv2d_3_depthwise_nchwc}). The match is the longest spec
 * layer name that the node name starts with, followed by the end or a character that is not a letter or digit
 * (so {@code Conv2d_10} never maps to {@code Conv2d_1}).
 */
public final class SpecLayerNames {
    private SpecLayerNames() {
    }

    /** The spec layer {@code nodeName} belongs to, if any. */
    public static Optional<LayerSpec> layerOf(ArchitectureSpec spec, String nodeName) {
        LayerSpec best = null;
        for (LayerSpec l : spec.layers()) {
            String n = l.name();
            if (nodeName.startsWith(n)
                    && (nodeName.length() == n.length() || !Character.isLetterOrDigit(nodeName.charAt(n.length())))
                    && (best == null || n.length() > best.name().length())) {
                best = l;
            }
        }
        return Optional.ofNullable(best);
    }
}
