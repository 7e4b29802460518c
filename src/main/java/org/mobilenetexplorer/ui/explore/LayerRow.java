package org.mobilenetexplorer.ui.explore;

import org.mobilenetexplorer.model.LayerStats;

/**
 * One row of the layer table: the model's per-layer facts plus the layer's shares of the network totals.
 *
 * @param stats      the layer's statistics
 * @param macShare   share of the network's MACs (0..1)
 * @param paramShare share of the network's params (0..1)
 */
public record LayerRow(LayerStats stats, double macShare, double paramShare) {
}
