package org.mobilenetexplorer.bench;

import org.mobilenetexplorer.model.LayerKind;

/**
 * The per-layer profile summed by kind (paper Table 2 with time beside MACs).
 *
 * @param kind       layer kind
 * @param layers     how many layers of this kind were timed
 * @param medianMs   sum of their median times, ms
 * @param macs       sum of their MACs (one image)
 * @param timeShare  share of the per-layer total time
 * @param macShare   share of network MACs
 * @param gmacPerSec achieved GMAC/s of the kind
 */
public record KindProfile(LayerKind kind, int layers, double medianMs, long macs, double timeShare, double macShare,
                          double gmacPerSec) {
}
