/**
 * The MobileNet v1 architecture as data, and its cost model.
 *
 * <h2>Counting convention (written once, here; repeated in the README and printed under every table)</h2>
 * <ul>
 *   <li>1 MAC = one multiply-add (one fused multiply-accumulate; 1 MAC = 2 FLOPs).</li>
 *   <li>MACs are counted for the standard convolutions, the depthwise and pointwise convolutions and the
 *       fully connected layer. Batch norm, ReLU, pooling and softmax are not counted as MACs
 *       (as in Howard et al. 2017, Table 2).</li>
 *   <li>Params = weights + biases. Convolutions followed by batch norm have no bias; the fully connected
 *       layer has one. Batch-norm parameters (gamma, beta, moving mean, moving variance: 4 per channel)
 *       are reported separately as {@code bnParams}.</li>
 *   <li>Padding is TF 'SAME': output size = ceil(input / stride).</li>
 * </ul>
 * {@link org.mobilenetexplorer.model.CostModel#CONVENTION} holds the one-line form shown to users.
 *
 * <p>This package depends on the JDK only.
 */
package org.mobilenetexplorer.model;
