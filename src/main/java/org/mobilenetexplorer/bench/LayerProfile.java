package org.mobilenetexplorer.bench;

import java.util.Objects;
import org.mobilenetexplorer.model.LayerKind;

/**
 * One spec layer's measured time beside its MACs.
 *
 * @param name       spec layer name (Conv2d_0, Conv2d_1_depthwise, ..., Logits, Softmax)
 * @param kind       layer kind
 * @param medianMs   median time over the profile repeats, ms (for the whole batch)
 * @param macs       MACs of the layer for one image (CostModel)
 * @param timeShare  medianMs / sum of all layers' medianMs (0..1)
 * @param macShare   macs / network MACs (0..1)
 * @param gmacPerSec achieved GMAC/s = macs x batch / medianMs (0 for kinds that count no MACs)
 */
public record LayerProfile(String name, LayerKind kind, double medianMs, long macs, double timeShare,
                           double macShare, double gmacPerSec) {
    public LayerProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (!(medianMs >= 0)) {
            throw new IllegalArgumentException("layer " + name + ": medianMs = " + medianMs + ": must be >= 0");
        }
    }
}
