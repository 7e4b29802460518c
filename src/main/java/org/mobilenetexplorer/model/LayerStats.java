package org.mobilenetexplorer.model;

/**
 * The facts of one layer: its spec and its costs (batch 1, FP32).
 *
 * @param layer          the layer
 * @param macs           multiply-adds
 * @param params         weights + biases
 * @param bnParams       batch-norm parameters (4 per channel)
 * @param outputElements output activation elements
 * @param outputBytes    output activation bytes (FP32)
 * @param elementwiseOps elementwise operations not counted as MACs ({@link CostModel#elementwiseOps(LayerSpec)})
 */
public record LayerStats(LayerSpec layer, long macs, long params, long bnParams, long outputElements,
                         long outputBytes, long elementwiseOps) {

    public static LayerStats of(LayerSpec l) {
        return new LayerStats(l, CostModel.macs(l), CostModel.params(l), CostModel.bnParams(l),
                CostModel.outputElements(l), CostModel.outputBytes(l), CostModel.elementwiseOps(l));
    }

    public int index() {
        return layer.index();
    }

    public String name() {
        return layer.name();
    }

    public LayerKind kind() {
        return layer.kind();
    }
}
