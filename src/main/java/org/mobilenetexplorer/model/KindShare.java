package org.mobilenetexplorer.model;

/**
 * Totals for one layer kind and its share of the network, as in the V1 paper's Table 2.
 *
 * @param kind           the kind
 * @param layers         how many layers of this kind
 * @param macs           their MACs
 * @param params         their params
 * @param macShare       macs / total macs (0..1; 0 when the total is 0)
 * @param paramShare     params / total params (0..1)
 * @param elementwiseOps their elementwise operations
 */
public record KindShare(LayerKind kind, int layers, long macs, long params, double macShare, double paramShare,
                        long elementwiseOps) {
}
