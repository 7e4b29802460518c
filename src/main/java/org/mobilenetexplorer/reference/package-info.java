/**
 * The ground truth every inference backend is checked against: deterministic seeded weights generated from an
 * {@link org.mobilenetexplorer.model.ArchitectureSpec} ({@link org.mobilenetexplorer.reference.NetworkWeights}),
 * a seeded input generator ({@link org.mobilenetexplorer.reference.InputGenerator}), batch-norm folding as a pure
 * function ({@link org.mobilenetexplorer.reference.BatchNormFolding}) and a plain-Java double-precision forward
 * pass ({@link org.mobilenetexplorer.reference.ReferenceForwardPass}) that can also return every layer's output.
 *
 * <p>Latency does not depend on weight values: the weights are random, with realistic scales, so that every
 * backend computes the same function and its output can be compared with this reference.
 *
 * <p>This package depends on {@code model} only.
 */
package org.mobilenetexplorer.reference;
