/**
 * The MobileNet families as data (V1, V2, V3-Large, V3-Small, minimalistic V3), and their cost model.
 *
 * <p>Each {@link org.mobilenetexplorer.model.Family} is a table of {@link org.mobilenetexplorer.model.OpDef} rows
 * (TF-Slim's {@code conv_defs}); {@link org.mobilenetexplorer.model.ArchitectureSpec#of} expands any table into
 * {@link org.mobilenetexplorer.model.LayerSpec}s that carry their graph inputs, activation, batch norm, bias and
 * block. See docs/decisions/007-architecture-families.md.
 *
 * <h2>Counting convention (written once, here; repeated in the README and printed under every table)</h2>
 * <ul>
 *   <li>1 MAC = one multiply-add (one fused multiply-accumulate; 1 MAC = 2 FLOPs).</li>
 *   <li>MACs are counted for every convolution (standard, depthwise, pointwise, squeeze-and-excite's two 1x1
 *       convolutions) and the fully connected layer. Batch norm, activations (ReLU, ReLU6, h-swish,
 *       hard-sigmoid), residual adds, squeeze-and-excite's channel multiply, pooling and softmax are not counted
 *       as MACs (as in Howard et al. 2017, Table 2).</li>
 *   <li>What MACs leave out is reported as elementwise operations: one per output element for each batch norm
 *       (its inference scale-and-shift), bias, activation, residual add, multiply and softmax; one add per input
 *       element for average pooling.</li>
 *   <li>Params = weights + biases. Convolutions followed by batch norm have no bias; the fully connected
 *       layer, squeeze-and-excite's convolutions and V3's last 1x1 convolution have one. Batch-norm parameters
 *       (gamma, beta, moving mean, moving variance: 4 per channel) are reported separately as {@code bnParams}.</li>
 *   <li>Padding is TF 'SAME': output size = ceil(input / stride).</li>
 * </ul>
 * {@link org.mobilenetexplorer.model.CostModel#convention(org.mobilenetexplorer.model.Family)} holds the one-line
 * form shown to users ({@code CONVENTION} in V1's words, {@code CONVENTION_ALL_FAMILIES} for the others).
 *
 * <p>This package depends on the JDK only.
 */
package org.mobilenetexplorer.model;
