/**
 * The {@code dl4j} backend: the only DL4J / ND4J code. Builds the spec from DL4J layers with the seeded weights (V1
 * as a MultiLayerNetwork chain, {@link org.mobilenetexplorer.bench.dl4j.Dl4jNetworkBuilder}; V2/V3 as a
 * ComputationGraph, {@link org.mobilenetexplorer.bench.dl4j.Dl4jGraphBuilder}, with the pieces DL4J M2.1 lacks:
 * {@link org.mobilenetexplorer.bench.dl4j.ChannelMultiplyVertex}, {@link org.mobilenetexplorer.bench.dl4j.HardSwishActivation},
 * {@link org.mobilenetexplorer.bench.dl4j.HardSigmoidActivation}), runs it with {@code output()} in inference mode and
 * profiles it layer by layer. Options ({@link org.mobilenetexplorer.bench.BackendOptions#extra()}):
 * {@code graph=folded|unfolded} (default folded), {@code format=nhwc|nchw} (default nhwc),
 * {@code helpers=onednn|builtin} (default onednn), {@code workspace=enabled|none} (default enabled). Settings that
 * must precede the native library's loading are in {@link org.mobilenetexplorer.bench.dl4j.Dl4jProcessSettings};
 * the choices and their figures are in docs/decisions/003-dl4j-tuning.md.
 */
package org.mobilenetexplorer.bench.dl4j;
