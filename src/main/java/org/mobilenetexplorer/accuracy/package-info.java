/**
 * Accuracy numbers with their provenance: the published ImageNet accuracies of each source (paper, TF-Slim,
 * TFLite, Keras, ...), user-imported points, the paper's comparison models, and the documented estimator for
 * configurations a source does not list (see {@link org.mobilenetexplorer.accuracy.AccuracyEstimator} and
 * docs/decisions/ on the estimator). One source per series, never mixed silently: every
 * {@link org.mobilenetexplorer.accuracy.Accuracy} carries its source id and whether it was estimated.
 *
 * <p>Depends on {@code model} and {@code published} (+ Jackson for user import).
 */
package org.mobilenetexplorer.accuracy;
